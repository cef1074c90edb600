// Adapter set-up (ndis5.md §1.10; script-api.md "Adapter set-up"): the wrapper, NdisMRegisterMiniport, attributes,
// configuration (answered from the scenario's registry), the adapter's resources, the network address, status
// indications and DbgPrint.
import { realmArray, realmCopy } from '../kernel/script-realm'
import { put, type Out } from '../ndis/runtime'
import { NDIS_STATUS_CODES } from '../ndis/status'
import { EXPECTED_FUNCTION, EXPECTED_HANDLE, notAnObject, R55, requirePassive } from '../verifier/catalogue'
import { readCharacteristics } from './characteristics'
import { ndisRuntime } from '../ndis/instance'
import { formatDbgPrint } from './dbg-print'
import {
  CONFIGURATION_HANDLE,
  MINIPORT_ADAPTER_HANDLE,
  NDIS_WRAPPER_HANDLE,
  WRAPPER_CONFIGURATION_CONTEXT,
} from './handles'
import type { MiniportRuntime } from './runtime'
import { scriptNumber, scriptString, scriptUlong } from '../verifier/script-value'

export const NdisParameterInteger = 0
export const NdisParameterHexInteger = 1
export const NdisParameterString = 2
export const NdisParameterMultiString = 3
export const NdisParameterBinary = 4

export const CmResourceTypePort = 1
export const CmResourceTypeInterrupt = 2
export const CmResourceTypeMemory = 3
export const CmResourceShareDeviceExclusive = 1
export const CmResourceShareShared = 3
export const CM_RESOURCE_INTERRUPT_LEVEL_SENSITIVE = 0
export const CM_RESOURCE_PORT_IO = 1

export interface NDIS_CONFIGURATION_PARAMETER {
  ParameterType: number
  ParameterData: { IntegerData: number; StringData: string }
}

export interface CM_PARTIAL_RESOURCE_DESCRIPTOR {
  Type: number
  ShareDisposition: number
  Flags: number
  u: {
    Memory?: { Start: number; Length: number }
    Port?: { Start: number; Length: number }
    Interrupt?: { Level: number; Vector: number; Affinity: number }
  }
}

export interface NDIS_RESOURCE_LIST {
  Version: number
  Revision: number
  Count: number
  PartialDescriptors: CM_PARTIAL_RESOURCE_DESCRIPTOR[]
}

/**
 * The adapter's resources as NdisMQueryAdapterResources and NdisMGetDeviceProperty give them (controller.md §2):
 * the register window, the interrupt, and the I/O port range when the model has one (the WB-100's registers again in
 * port space, the 82540EM's IOADDR/IODATA pair).
 */
export function adapterResourceList(m: MiniportRuntime): NDIS_RESOURCE_LIST {
  const r = m.env.controller.resources
  const ports: CM_PARTIAL_RESOURCE_DESCRIPTOR[] =
    r.ioPortLength !== undefined && r.ioPortLength > 0
      ? [
          {
            Type: CmResourceTypePort,
            ShareDisposition: CmResourceShareDeviceExclusive,
            Flags: CM_RESOURCE_PORT_IO,
            u: { Port: { Start: r.ioPortBase ?? 0, Length: r.ioPortLength } },
          },
        ]
      : []
  return {
    Version: 1,
    Revision: 1,
    Count: 2 + ports.length,
    PartialDescriptors: realmCopy(m.kernel.realm, [
      {
        Type: CmResourceTypeMemory,
        ShareDisposition: CmResourceShareDeviceExclusive,
        Flags: 0,
        u: { Memory: { Start: r.registerBase, Length: r.registerLength } },
      },
      {
        Type: CmResourceTypeInterrupt,
        ShareDisposition: r.interruptShared ? CmResourceShareShared : CmResourceShareDeviceExclusive,
        Flags: CM_RESOURCE_INTERRUPT_LEVEL_SENSITIVE,
        u: { Interrupt: { Level: r.interruptLevel, Vector: r.interruptVector, Affinity: 1 } },
      },
      ...ports,
    ]),
  }
}

export function adapterApi(m: MiniportRuntime) {
  const k = m.kernel
  const env = m.env
  const adapter = m.adapter

  function passiveOnly(call: string): void {
    requirePassive(k.verifier, k.cpu.irql, call)
  }

  function badHandle(call: string, what: string, value: unknown): void {
    notAnObject(k.verifier, call, value, EXPECTED_HANDLE, `is not the ${what} NDIS gave the miniport`)
  }

  const resourceList = (): NDIS_RESOURCE_LIST => adapterResourceList(m)

  return {
    NdisMInitializeWrapper(
      NdisWrapperHandle: Out<number> | null,
      SystemSpecific1: unknown,
      SystemSpecific2: unknown,
      SystemSpecific3: unknown,
    ): void {
      void SystemSpecific1
      void SystemSpecific2
      void SystemSpecific3
      put(NdisWrapperHandle, NDIS_WRAPPER_HANDLE)
    },

    NdisTerminateWrapper(NdisWrapperHandle: number, SystemSpecific: unknown): void {
      void SystemSpecific
      if (NdisWrapperHandle !== NDIS_WRAPPER_HANDLE)
        badHandle('NdisTerminateWrapper', 'NdisWrapperHandle', NdisWrapperHandle)
    },

    NdisMRegisterMiniport(
      NdisWrapperHandle: number,
      MiniportCharacteristics: unknown,
      CharacteristicsLength?: number,
    ): number {
      void CharacteristicsLength
      if (NdisWrapperHandle !== NDIS_WRAPPER_HANDLE) {
        badHandle('NdisMRegisterMiniport', 'NdisWrapperHandle (from NdisMInitializeWrapper)', NdisWrapperHandle)
        return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      }
      const verdict = readCharacteristics(MiniportCharacteristics)
      if (!verdict.handlers) {
        m.dbgPrint(`NdisMRegisterMiniport refused the characteristics: ${verdict.reason}\n`)
        return verdict.status
      }
      adapter.handlers = verdict.handlers
      adapter.state = 'registered'
      return NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS
    },

    /** The driver's unload routine, run after the last adapter halted (NdisMRegisterUnloadHandler (DDK page)). */
    NdisMRegisterUnloadHandler(NdisWrapperHandle: number, UnloadHandler: unknown): void {
      if (NdisWrapperHandle !== NDIS_WRAPPER_HANDLE)
        return badHandle(
          'NdisMRegisterUnloadHandler',
          'NdisWrapperHandle (from NdisMInitializeWrapper)',
          NdisWrapperHandle,
        )
      if (typeof UnloadHandler !== 'function') {
        notAnObject(
          k.verifier,
          'NdisMRegisterUnloadHandler',
          UnloadHandler,
          EXPECTED_FUNCTION,
          'is not a function (UnloadHandler)',
        )
        return
      }
      adapter.unloadHandler = UnloadHandler as (...args: any[]) => any
    },

    /** The routine NDIS calls when the system shuts down (never during a run): recorded, as NDIS does. */
    NdisMRegisterAdapterShutdownHandler(
      MiniportHandle: number,
      ShutdownContext: unknown,
      ShutdownHandler: unknown,
    ): void {
      if (MiniportHandle !== MINIPORT_ADAPTER_HANDLE)
        return badHandle('NdisMRegisterAdapterShutdownHandler', 'MiniportAdapterHandle', MiniportHandle)
      if (typeof ShutdownHandler !== 'function') {
        notAnObject(
          k.verifier,
          'NdisMRegisterAdapterShutdownHandler',
          ShutdownHandler,
          EXPECTED_FUNCTION,
          'is not a function (ShutdownHandler)',
        )
        return
      }
      adapter.shutdownHandler = { handler: ShutdownHandler as (...args: any[]) => any, context: ShutdownContext }
    },

    NdisMDeregisterAdapterShutdownHandler(MiniportHandle: number): void {
      if (MiniportHandle !== MINIPORT_ADAPTER_HANDLE)
        return badHandle('NdisMDeregisterAdapterShutdownHandler', 'MiniportAdapterHandle', MiniportHandle)
      adapter.shutdownHandler = null
    },

    NdisMSetAttributesEx(
      MiniportAdapterHandle: number,
      MiniportAdapterContext: unknown,
      CheckForHangTimeInSeconds: number,
      AttributeFlags: number,
      AdapterType: number,
    ): void {
      passiveOnly('NdisMSetAttributesEx')
      void AdapterType
      if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE)
        return badHandle('NdisMSetAttributesEx', 'MiniportAdapterHandle', MiniportAdapterHandle)
      adapter.context = MiniportAdapterContext
      adapter.attributesSet = true
      adapter.attributeFlags = scriptUlong(AttributeFlags)
      ndisRuntime(k).deserializedReceives = adapter.deserialized
      const seconds = scriptNumber(CheckForHangTimeInSeconds)
      const given = Number.isInteger(seconds) && seconds > 0 ? seconds : 2
      // Desktop NDIS wakes up every 2 s, so the interval it uses is a multiple of 2 (5 s → 4 s) [MSDN
      // nf-ndis-ndismsetattributesex]; Windows CE uses the value given [CE-ms892749].
      adapter.checkForHangSeconds = k.platform === 'desktop' ? Math.max(2, given - (given % 2)) : given
    },

    NdisMSetAttributes(
      MiniportAdapterHandle: number,
      MiniportAdapterContext: unknown,
      BusMaster: boolean,
      AdapterType: number,
    ): void {
      passiveOnly('NdisMSetAttributes')
      void AdapterType
      if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE)
        return badHandle('NdisMSetAttributes', 'MiniportAdapterHandle', MiniportAdapterHandle)
      adapter.context = MiniportAdapterContext
      adapter.attributesSet = true
      adapter.attributeFlags = BusMaster ? 0x8 : 0
    },

    NdisOpenConfiguration(
      Status: Out<number> | null,
      ConfigurationHandle: Out<number> | null,
      WrapperConfigurationContext: number,
    ): void {
      passiveOnly('NdisOpenConfiguration')
      if (WrapperConfigurationContext !== WRAPPER_CONFIGURATION_CONTEXT) {
        badHandle('NdisOpenConfiguration', 'WrapperConfigurationContext', WrapperConfigurationContext)
        put(ConfigurationHandle, 0)
        return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
      }
      adapter.configurationOpen = true
      put(ConfigurationHandle, CONFIGURATION_HANDLE)
      put(Status, NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS)
    },

    NdisReadConfiguration(
      Status: Out<number> | null,
      ParameterValue: Out<NDIS_CONFIGURATION_PARAMETER | null> | null,
      ConfigurationHandle: number,
      Keyword: unknown,
      ParameterType: number,
    ): void {
      passiveOnly('NdisReadConfiguration')
      put(ParameterValue, null)
      if (ConfigurationHandle !== CONFIGURATION_HANDLE || !adapter.configurationOpen) {
        badHandle('NdisReadConfiguration', 'ConfigurationHandle (from NdisOpenConfiguration)', ConfigurationHandle)
        return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
      }
      const key = typeof Keyword === 'string' ? Keyword : scriptString((Keyword as { Buffer?: unknown })?.Buffer ?? '')
      // Registry keywords are case-insensitive.
      const found = Object.keys(env.registry).find((name) => name.toLowerCase() === key.toLowerCase())
      if (found === undefined) return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
      const raw = env.registry[found]!
      let value: NDIS_CONFIGURATION_PARAMETER
      if (ParameterType === NdisParameterInteger || ParameterType === NdisParameterHexInteger) {
        const n =
          typeof raw === 'number' ? raw : Number.parseInt(raw, ParameterType === NdisParameterHexInteger ? 16 : 10)
        if (!Number.isFinite(n)) return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
        value = { ParameterType, ParameterData: { IntegerData: n >>> 0, StringData: '' } }
      } else if (ParameterType === NdisParameterString || ParameterType === NdisParameterMultiString) {
        value = { ParameterType, ParameterData: { IntegerData: 0, StringData: String(raw) } }
      } else {
        return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
      }
      put(ParameterValue, value)
      put(Status, NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS)
    },

    NdisCloseConfiguration(ConfigurationHandle: number): void {
      if (ConfigurationHandle !== CONFIGURATION_HANDLE || !adapter.configurationOpen) {
        return badHandle(
          'NdisCloseConfiguration',
          'ConfigurationHandle (from NdisOpenConfiguration)',
          ConfigurationHandle,
        )
      }
      adapter.configurationOpen = false
    },

    /** The locally administered address from the registry's NetworkAddress value (12 hex digits); FAILURE if none. */
    NdisReadNetworkAddress(
      Status: Out<number> | null,
      NetworkAddress: Out<number[] | null> | null,
      NetworkAddressLength: Out<number> | null,
      ConfigurationHandle: number,
    ): void {
      put(NetworkAddress, null)
      put(NetworkAddressLength, 0)
      if (ConfigurationHandle !== CONFIGURATION_HANDLE || !adapter.configurationOpen) {
        badHandle('NdisReadNetworkAddress', 'ConfigurationHandle (from NdisOpenConfiguration)', ConfigurationHandle)
        return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
      }
      const raw = env.registry['NetworkAddress']
      const hex = typeof raw === 'string' ? raw.replace(/[-:]/g, '') : ''
      if (!/^[0-9a-fA-F]{12}$/.test(hex)) return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
      const bytes = realmArray(k.realm, 6)
      for (let i = 0; i < 6; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
      put(NetworkAddress, bytes)
      put(NetworkAddressLength, 6)
      put(Status, NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS)
    },

    NdisMQueryAdapterResources(
      Status: Out<number> | null,
      WrapperConfigurationContext: number,
      ResourceList: Out<NDIS_RESOURCE_LIST | null> | null,
      BufferSize: Out<number> | null,
    ): void {
      passiveOnly('NdisMQueryAdapterResources')
      if (WrapperConfigurationContext !== WRAPPER_CONFIGURATION_CONTEXT) {
        badHandle('NdisMQueryAdapterResources', 'WrapperConfigurationContext', WrapperConfigurationContext)
        put(ResourceList, null)
        return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
      }
      const list = resourceList()
      put(ResourceList, list)
      // sizeof(NDIS_RESOURCE_LIST) header + one 16-byte CM_PARTIAL_RESOURCE_DESCRIPTOR per resource on x86.
      put(BufferSize, 8 + list.Count * 16)
      put(Status, NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS)
    },

    NdisMIndicateStatus(
      MiniportAdapterHandle: number,
      GeneralStatus: number,
      StatusBuffer: unknown,
      StatusBufferSize: number,
    ): void {
      void StatusBuffer
      void StatusBufferSize
      if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE)
        return badHandle('NdisMIndicateStatus', 'MiniportAdapterHandle', MiniportAdapterHandle)
      if (adapter.state === 'halted') {
        k.verifier.report(R55, 0, 4, 0, 'NdisMIndicateStatus after MiniportHalt returned')
        return
      }
      env.statusIndications.push({ timeNs: env.scheduler.nowNs, status: scriptNumber(GeneralStatus) >>> 0 })
    },

    NdisMIndicateStatusComplete(MiniportAdapterHandle: number): void {
      if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE) {
        badHandle('NdisMIndicateStatusComplete', 'MiniportAdapterHandle', MiniportAdapterHandle)
      }
    },

    DbgPrint(Format: unknown, ...args: unknown[]): number {
      const text = formatDbgPrint(Format, args)
      m.dbgPrint(text)
      return 0
    },

    NDIS_STRING_CONST(text: string): string {
      return scriptString(text)
    },
  }
}
