/*
 * Runs Material for MkDocs' real search worker under Node, without a browser.
 *
 * The worker script of a built site (assets/javascripts/workers/search.*.js)
 * is executed in a vm context that stands in for a worker global scope:
 * importScripts loads the site's lunr language files (our lunr.vi.min.js
 * among them) synchronously from disk, postMessage hands answers back. So
 * this exercises exactly what the browser runs: Material's tokenizer, query
 * transformation, ranking and highlighting, plus our plugin.
 *
 * Usage: node search_worker.js < request.json > answer.json
 *
 * request: {
 *   "site": "/path/to/site",          built site (worker + lunr files)
 *   "lunr_vi": "/path/to/file.js",     optional: load this instead of the
 *                                      site's lunr.vi.min.js
 *   "glossary": {...},                 optional: with lunr_vi, replace the
 *                                      template's placeholder with this
 *   "synonyms", "names", "asked"       likewise, the other placeholders
 *   "index": {...} | null,             optional search index; default: the
 *                                      site's search/search_index.json
 *   "queries": ["...", ...],           each answered with Material's result
 *   "fold": ["...", ...],              words: lunr.vi.exactForm / foldForm
 *   "analyse": [["tok", ...], ...],    token lists: lunr.vi.analyse
 *   "analyse_originals": [[...]|null]  the same tokens as written (case)
 *   "normalise": ["...", ...]          lunr.vi.normaliseQueryTerm
 * }
 */
"use strict"

const fs = require("fs")
const path = require("path")
const vm = require("vm")

function readStdin() {
  return fs.readFileSync(0, "utf8")
}

async function main() {
  const request = JSON.parse(readStdin())
  const site = request.site
  const workers = path.join(site, "assets/javascripts/workers")
  const workerFile = fs.readdirSync(workers).find(f => /^search\..*\.js$/.test(f))
  if (!workerFile)
    throw new Error(`no search worker in ${workers}`)

  const answers = []
  let handler = null
  const context = {
    console,
    postMessage: message => answers.push(message),
    addEventListener: (type, fn) => { if (type === "message") handler = fn },
    importScripts: (...urls) => {
      for (const url of urls) {
        const file = path.resolve(workers, url)
        let code
        if (request.lunr_vi && path.basename(file) === "lunr.vi.min.js") {
          code = fs.readFileSync(request.lunr_vi, "utf8")
          if (request.glossary !== undefined)
            code = code.split("__GLOSSARY__").join(JSON.stringify(request.glossary)).split("__SYNONYMS__").join(JSON.stringify(request.synonyms || {}))
              .split("__NAMES__").join(JSON.stringify(request.names || {}))
              .split("__ASKED__").join(JSON.stringify(request.asked || {}))
        } else {
          code = fs.readFileSync(file, "utf8")
        }
        vm.runInContext(code, context, { filename: file })
      }
    }
  }
  context.self = context
  vm.createContext(context)
  vm.runInContext(fs.readFileSync(path.join(workers, workerFile), "utf8"), context,
                  { filename: workerFile })

  /* Send one message, wait for its answer. */
  async function send(message) {
    const before = answers.length
    await handler({ data: message })
    for (let i = 0; i < 50 && answers.length === before; i++)
      await new Promise(resolve => setImmediate(resolve))
    if (answers.length === before)
      throw new Error(`no answer to message type ${message.type}`)
    return answers[answers.length - 1]
  }

  const index = request.index ||
    JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"))
  const started = process.hrtime.bigint()
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } })
  const setupMs = Number(process.hrtime.bigint() - started) / 1e6

  const lunr = context.lunr
  const out = { setup_ms: setupMs, results: [], fold: [], analyse: [], normalise: [] }
  for (const query of request.queries || []) {
    const t0 = process.hrtime.bigint()
    const answer = await send({ type: 2, data: query })
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    out.results.push({ query, ms, items: answer.data.items, suggest: answer.data.suggest })
  }
  for (const word of request.fold || [])
    out.fold.push({ word, exact: lunr.vi.exactForm(word), folded: lunr.vi.foldForm(word) })
  ;(request.analyse || []).forEach((tokens, i) =>
    out.analyse.push(lunr.vi.analyse(tokens, (request.analyse_originals || [])[i]
      ? t => request.analyse_originals[i][t] : null)))
  for (const term of request.normalise || [])
    out.normalise.push(lunr.vi.normaliseQueryTerm(term))
  process.stdout.write(JSON.stringify(out))
}

main().catch(err => {
  process.stderr.write(String(err && err.stack || err) + "\n")
  process.exit(1)
})
