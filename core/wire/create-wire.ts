import type { CaptureFile } from '../capture/capture-file'
import type { SeededRandom } from '../sim/seeded-random'
import { Loopback } from './loopback'
import { PcapReplay } from './pcap-replay'
import type { WireConfig } from './schemas'
import { TrafficGenerator } from './traffic-generator'
import type { WireBackend } from './wire-backend'

/**
 * Builds the backend a scenario names. `random` is the run's generator (the backend forks its own stream "wire");
 * `capture` is the replay file, already read by the host with readCapture.
 */
export function createWire(config: WireConfig, random: SeededRandom, capture?: CaptureFile): WireBackend {
  switch (config.kind) {
    case 'generator':
      return new TrafficGenerator(config, random.fork('wire'))
    case 'replay':
      if (capture === undefined) throw new RangeError(`replay of ${config.file} needs the capture read first`)
      return new PcapReplay(capture, config)
    case 'loopback':
      return new Loopback(config)
  }
}
