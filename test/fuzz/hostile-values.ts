// Values a hostile or careless script can pass to NDIS, made inside a script context (node:vm) as the sandbox makes
// them, so an error one of them throws comes from the script's realm, as in a run: null-prototype objects, Proxies
// whose every trap throws, revoked Proxies, throwing getters and setters, frozen Out cells, Symbol.toPrimitive that
// throws or returns an object, huge arrays, symbols, bigints.
import vm from 'node:vm'

export function hostileValues(): Record<string, unknown> {
  const context = vm.createContext(Object.create(null) as object, { codeGeneration: { strings: false, wasm: false } })
  return vm.runInContext(
    `(() => {
      const thrower = () => { throw new Error('trap') }
      const traps = { get: thrower, set: thrower, has: thrower, ownKeys: thrower, getPrototypeOf: thrower,
        defineProperty: thrower, getOwnPropertyDescriptor: thrower, apply: thrower, construct: thrower,
        deleteProperty: thrower, isExtensible: thrower, preventExtensions: thrower, setPrototypeOf: thrower }
      const revocable = Proxy.revocable({ value: 0 }, {})
      revocable.revoke()
      const revocableFn = Proxy.revocable(function () {}, {})
      revocableFn.revoke()
      const nullCell = Object.create(null)
      nullCell.value = 0
      const withLength = Object.create(null)
      withLength.length = 3
      return {
        nullProto: Object.create(null),
        nullProtoCell: nullCell,
        nullProtoArrayLike: withLength,
        proxyThrows: new Proxy({}, traps),
        proxyCellThrows: new Proxy({ value: 0 }, traps),
        proxyCell: new Proxy({ value: 0 }, {}),
        proxyArrayThrows: new Proxy([1, 2, 3], traps),
        proxyFunctionThrows: new Proxy(function () {}, traps),
        revoked: revocable.proxy,
        revokedFunction: revocableFn.proxy,
        throwingCell: { get value() { throw new Error('getter') }, set value(v) { throw new Error('setter') } },
        frozenCell: Object.freeze({ value: 0 }),
        sealedEmpty: Object.seal({}),
        toPrimitiveThrows: { [Symbol.toPrimitive]() { throw new Error('toPrimitive') } },
        toPrimitiveObject: { [Symbol.toPrimitive]() { return {} } },
        valueOfThrows: { valueOf() { throw new Error('valueOf') }, toString() { throw new Error('toString') } },
        toStringObject: { toString() { return {} }, valueOf() { return {} } },
        nameThrows: Object.defineProperty(new Error('x'), 'name', { get() { throw new Error('name') } }),
        hugeArray: new Array(2 ** 24),
        holeyArray: [, , ,],
        symbol: Symbol('s'),
        bigint: 2n ** 64n,
        fn: function () {},
        arrow: () => 0,
        date: new Date(0),
        regexp: /x/,
        map: new Map(),
        typed: new Uint8Array(4),
        longString: 'x'.repeat(1 << 20),
      }
    })()`,
    context,
  ) as Record<string, unknown>
}
