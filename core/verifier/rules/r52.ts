// A query is completed with NdisMQueryInformationComplete, a set with NdisMSetInformationComplete (their DDK pages).
import { defineRule } from '../rule'

export const R52 = defineRule({
  id: 'R52',
  title: 'A pended request completed with the other completion call',
  severity: 'error',
  stops: false,
  class: 'requests',
  level: 'standard',
  emulatorParams: ['OID pending', 'completion status', '1 query completed as a set, 2 set completed as a query'],
  explanation:
    'Complete a pended MiniportQueryInformation with NdisMQueryInformationComplete and a pended MiniportSetInformation with NdisMSetInformationComplete.',
  reference: 'the DDK pages NdisMQueryInformationComplete, NdisMSetInformationComplete',
})
