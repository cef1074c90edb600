/** The text a new miniport starts from: the shape of script-api.md. */
export const STARTER_MINIPORT = `// A new NDIS 5 miniport. Everything NDIS defines is in scope by its C name.
let PacketPool: NDIS_HANDLE = NULL

function MiniportInitialize(
  OpenErrorStatus: Out<NDIS_STATUS>, SelectedMediumIndex: Out<number>, MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number, MiniportAdapterHandle: NDIS_HANDLE, WrapperConfigurationContext: NDIS_HANDLE,
): NDIS_STATUS {
  const Status: Out<NDIS_STATUS> = { value: NDIS_STATUS_SUCCESS }
  const Pool: Out<NDIS_HANDLE> = { value: NULL }
  NdisAllocatePacketPool(Status, Pool, 64, PROTOCOL_RESERVED_SIZE_IN_PACKET)
  if (Status.value !== NDIS_STATUS_SUCCESS) return Status.value
  PacketPool = Pool.value
  DbgPrint("packet pool %p ready\\n", PacketPool)
  return NDIS_STATUS_SUCCESS
}
`
