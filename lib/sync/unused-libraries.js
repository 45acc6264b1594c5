// Stands in, in the Worker bundle only (wrangler.toml [alias]), for libraries that Effect's and LiveStore's
// barrels pull in although nothing in the Worker runs them: fast-check (property tests), msgpackr
// (MessagePack serialization; sync-cf speaks JSON), find-my-way-ts (HTTP routing), multipasta (multipart
// bodies). ~60 KiB of the gzipped Worker. Anything that ever does use them fails loudly here.
const unused = (name) => {
  throw new Error(`${name} is left out of the Worker (wrangler.toml [alias]); it was used after all`)
}

export class Packr {
  constructor() {
    unused('msgpackr')
  }
}
export class Unpackr {
  constructor() {
    unused('msgpackr')
  }
}
export const decodeField = () => unused('multipasta')
export default {}
