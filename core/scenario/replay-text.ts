// The scenario text that replays one capture, as the workbench writes it when a capture is opened (an example's or
// one the author picked): played until stopped with its gaps shortened, the protocol keeping each packet 2 ms so a
// paused run has replayed frames to show in Packets (docs/scenario.md: wire replay, protocol holdTime), and the
// packet filter promiscuous as a capture tool sets it, since a capture's frames are addressed to other hosts.

export function replayScenarioText(captureName: string, where: string): string {
  const scenario = {
    name: `replay of ${captureName}`,
    description:
      `The frames of ${where}, played again and again with their gaps divided by 1000; the protocol keeps each ` +
      'packet 2 ms, so a paused run shows them in Packets. The frames are addressed to other hosts, so the protocol ' +
      'sets the packet filter to promiscuous, as a capture tool does.',
    wire: { kind: 'replay', file: captureName, speed: 1000, loops: 0 },
    protocol: { holdTime: { distribution: 'fixed', ns: 2_000_000 }, binding: { packetFilter: ['PROMISCUOUS'] } },
  }
  return `${JSON.stringify(scenario, null, 2)}\n`
}

/** The base name of a scenario's wire.file, however it was written (../captures/x.pcap, C:\caps\x.pcap). */
export function captureBaseName(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))
  return file.slice(slash + 1)
}

/** The capture a scenario text replays (its wire.file's base name), or null: not JSON, or not a replay. */
export function replayedCapture(scenarioText: string): string | null {
  try {
    const json = JSON.parse(scenarioText) as { wire?: { kind?: unknown; file?: unknown } }
    const wire = json?.wire
    return wire?.kind === 'replay' && typeof wire.file === 'string' ? captureBaseName(wire.file) : null
  } catch {
    return null
  }
}
