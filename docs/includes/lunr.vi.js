/*
 * lunr.vi — Vietnamese language support for this site's search.
 *
 * build_faq.py turns this template into
 * assets/javascripts/lunr/min/lunr.vi.min.js, the file Material for MkDocs'
 * search worker loads (importScripts) for `plugins: search: lang: vi`. A file
 * at that path in docs/ takes precedence over the theme's own copy, so no
 * theme override is needed. The one placeholder below is replaced by the
 * glossary of faq.yml as a JSON object {abbreviation: expansion}.
 *
 * What readers need, and why each piece is here:
 *
 * 1. Diacritics are optional. Many people type Vietnamese without them
 *    ("du luan xa hoi"), some type them partly or wrongly, some type NFD
 *    (decomposed) text, and the tone mark of "oa/oe/uy" sits in two places
 *    ("hòa"/"hoà", "ủy"/"uỷ"). Every token is therefore indexed twice, at
 *    the same position:
 *      - its exact form: lower case, NFC, tone mark in one canonical place;
 *      - its folded form: no marks at all and đ → d (Unicode NFD alone does
 *        not take the bar off đ, it is a letter of its own).
 *    A query term contributes both forms as well, so "dư" matches documents
 *    with "dư" through two index terms and documents with "du"/"dự"/"dụ"
 *    through one: exact spelling ranks first, loose spelling still matches.
 *
 * 2. Abbreviations (glossary). Where the text says "HĐND", the index also
 *    gets the words "hội đồng nhân dân"; where the text says "hội đồng nhân
 *    dân" (words in a row), the index also gets "hđnd". So both "hdnd" and
 *    "Hoi dong nhan dan" find both spellings. Doing it at index time keeps
 *    the phrase a phrase: a query "UBND" only finds the four words when they
 *    are consecutive, which a query-time OR of "ủy", "ban", "nhân", "dân"
 *    could not do.
 *
 * 3. Previews keep their diacritics and highlighting still works. Material
 *    highlights result previews from token *positions* recorded at index
 *    time (metadata "position", pointing into its own table of offsets into
 *    the original text), not with a regex over the query. Every extra token
 *    made here carries the position of the word it came from, so an
 *    unaccented query marks the accented words, and "UBND" marks "Ủy ban
 *    nhân dân". Nothing is added to the page or to search_index.json: all
 *    of this happens in the worker while it builds the index.
 *
 * How Material's worker (9.x, lunr 2.3.9) drives lunr, and what that means:
 *
 *  - Index: `this.use(lunr.vi)`, then Material installs its own tokenizer
 *    (HTML-aware, lower-cases, splits on the `separator` setting; for this
 *    site the MkDocs default `[\s\-]+`, so tokens keep punctuation such as
 *    "hội," or "ct/tw") and removes `lunr.vi.trimmer/stopWordFilter/stemmer`
 *    from both pipelines unless the `pipeline` setting lists them. This
 *    plugin's own functions have other names, so they stay.
 *  - Query: Material rewrites "dư luận" into "dư* luận*" (a trailing
 *    wildcard on every term not marked + or -), and lunr skips the search
 *    pipeline for any term containing a wildcard. A search pipeline alone
 *    would therefore never see the terms people type. So this plugin also
 *    patches lunr.Query.prototype.clause (normalise every clause term) and
 *    lunr.Index.prototype.query (add the folded variant to each clause).
 *  - Material also parses the query a second time (lunr.QueryParser into a
 *    bare lunr.Query) to tell which typed terms matched (`terms`, shown as
 *    "Không: …" when missing, and sent as ?h= for page highlighting). That
 *    goes through lunr.Query.prototype.clause too, so normalising there keeps
 *    its prefix test ("does index term X start with typed term Y") right for
 *    NFD input and the other tone placement.
 *
 * The file must stay self-contained: under the offline plugin the worker
 * runs in an iframe (iframe-worker) where importScripts is emulated with
 * <script> tags, and there is no server to fetch anything from.
 */
(function (root, factory) {
  if (typeof define === "function" && define.amd) {
    define(factory)
  } else if (typeof exports === "object") {
    module.exports = factory()
  } else {
    factory()(root.lunr)
  }
})(this, function () {
  "use strict"

  return function (lunr) {
    if (typeof lunr === "undefined") {
      throw new Error("Lunr is not present. Please include / require Lunr before this script.")
    }

    /* The glossary of faq.yml, {abbreviation: expansion}, filled in by build_faq.py. */
    const GLOSSARY = __GLOSSARY__

    /* ------------------------------------------------------------------------
     * Spelling: canonical exact form and folded form of one word
     * --------------------------------------------------------------------- */

    /* The five Vietnamese tone marks as combining characters (NFD). U+0340 and
     * U+0341 (old grave/acute tone marks) decompose to U+0300/U+0301. */
    const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/
    const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g
    /* Marks that change the vowel itself (â ă ê ô ơ ư): the tone goes on them. */
    const QUALITY_MARK = /[\u0302\u0306\u031b]/
    const ANY_MARK = /\p{M}/gu
    const VOWELS = "aeiouy"
    const WORD_PART = /[\p{L}\p{N}\p{M}]+/gu

    /* Both functions run for every token of every document while the worker
     * builds the index; the vocabulary is small, so memoise. */
    function memoise(fn) {
      const cache = new Map()
      return function (word) {
        let value = cache.get(word)
        if (value === undefined) {
          value = fn(word)
          if (cache.size > 50000)
            cache.clear()
          cache.set(word, value)
        }
        return value
      }
    }

    /* Split NFD text into letters: a base character and the marks after it. */
    function letters(nfd) {
      const out = []
      for (const ch of nfd) {
        if (out.length && /\p{M}/u.test(ch))
          out[out.length - 1] += ch
        else
          out.push(ch)
      }
      return out
    }

    /* Exact form of a word: lower case, NFC, and the tone mark moved to one
     * canonical vowel, so "uỷ" = "ủy", "hoà" = "hòa", NFD input = NFC input.
     * The canonical place follows the traditional ("old") rule, which is how
     * this site's texts write "Ủy ban", "Tỉnh ủy":
     *   - a vowel with a quality mark (â ă ê ô ơ ư) takes it; of two (ươ),
     *     the second;
     *   - else, before a final consonant, the last vowel ("hoàng", "huỳnh");
     *   - else, of three vowels the middle one ("ngoài", "khuya");
     *   - else the first vowel ("hòa", "ủy", "mùa", "nghĩa").
     * "qu" and "gi" before another vowel are onsets, not vowels ("quý", "già").
     * Words that are not one Vietnamese syllable keep their marks as typed;
     * either way the result only has to be the same for index and query. */
    const exactForm = memoise(function (word) {
      const nfd = word.normalize("NFD").toLowerCase()
      if (!TONE_MARK.test(nfd))
        return nfd.normalize("NFC")

      const ls = letters(nfd)
      const base = ls.map(l => l.charAt(0))
      const isVowel = i => i < ls.length && VOWELS.includes(base[i])
      if (base.some(b => !/\p{L}/u.test(b)))
        return nfd.normalize("NFC")

      let start = base.findIndex((_, i) => isVowel(i))
      if (start < 0)
        return nfd.normalize("NFC")
      if (start === 1 && !QUALITY_MARK.test(ls[1]) && isVowel(2) &&
          ((base[0] === "q" && base[1] === "u") || (base[0] === "g" && base[1] === "i")))
        start = 2
      let end = start
      while (isVowel(end))
        end++
      for (let i = end; i < ls.length; i++)
        if (isVowel(i))
          return nfd.normalize("NFC")          /* two vowel groups: not a syllable */

      const tone = nfd.match(TONE_MARK)[0]
      const bare = ls.map(l => l.replace(TONE_MARKS, ""))
      let target = -1
      for (let i = start; i < end; i++)
        if (QUALITY_MARK.test(bare[i]))
          target = i
      if (target < 0) {
        if (end < ls.length)
          target = end - 1
        else if (end - start >= 3)
          target = start + 1
        else
          target = start
      }
      bare[target] += tone
      return bare.join("").normalize("NFC")
    })

    /* Folded form: no marks at all, đ → d, lower case ("Đảng" → "dang"). */
    const foldForm = memoise(function (word) {
      return word
        .normalize("NFD")
        .replace(ANY_MARK, "")
        .replace(/[đĐ]/g, "d")
        .toLowerCase()
    })

    /* Like exactForm, but only đ → d: for matching abbreviations in the text,
     * which people write both "HĐND" and "HDND", without letting tone-less
     * folding turn common words into abbreviations. */
    function plainD(word) {
      return word.replace(/đ/g, "d")
    }

    /* The text Material hands over is HTML with tags cut out: entities stay. */
    function decodeEntities(text) {
      return text.indexOf("&") < 0 ? text : text
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, "\"")
        .replace(/&#0?39;/g, "'")
        .replace(/&nbsp;/g, " ")
    }

    /* Letters-and-digits parts of a token: "(dlxh)," → ["dlxh"],
     * "ct/tw" → ["ct", "tw"], "tg&amp;dv" → ["tg", "dv"]. */
    function wordParts(text) {
      return decodeEntities(text).match(WORD_PART) || []
    }

    /* Punctuation that ends a phrase: an expansion is not matched across it. */
    const PHRASE_BREAK = /[.,;:!?…()[\]{}"“”«»]/

    /* ------------------------------------------------------------------------
     * Glossary
     * --------------------------------------------------------------------- */

    function unique(list) {
      return Array.from(new Set(list))
    }

    /* Each entry, ready for matching and for emitting index terms:
     *   abbr   exact parts of the abbreviation ("CT/TW" → ["ct", "tw"]),
     *   words  exact parts of the expansion,
     *   abbrTerms / wordTerms  what to index where the other side occurs. */
    const glossary = Object.keys(GLOSSARY || {}).map(function (key) {
      const abbr = wordParts(key).map(exactForm)
      const words = wordParts(String(GLOSSARY[key])).map(exactForm)
      const joined = abbr.join("")
      return {
        key: key,
        expansion: String(GLOSSARY[key]),
        abbr: abbr.map(plainD),
        words: words.map(foldForm),
        abbrTerms: unique([...abbr, ...abbr.map(foldForm), joined, foldForm(joined)]),
        wordTerms: unique([...words, ...words.map(foldForm)])
      }
    }).filter(entry => entry.abbr.length && entry.words.length)

    /* Entries by their first part, to test only the candidates at each word. */
    const byAbbrStart = new Map()
    const byWordStart = new Map()
    for (const entry of glossary) {
      if (!byAbbrStart.has(entry.abbr[0]))
        byAbbrStart.set(entry.abbr[0], [])
      byAbbrStart.get(entry.abbr[0]).push(entry)
      if (!byWordStart.has(entry.words[0]))
        byWordStart.set(entry.words[0], [])
      byWordStart.get(entry.words[0]).push(entry)
    }

    /* ------------------------------------------------------------------------
     * Index pipeline
     * --------------------------------------------------------------------- */

    /* Index terms for each token of one field (an array of arrays of strings,
     * parallel to the tokens). Looks at the whole field because glossary
     * phrases span several tokens; the pipeline hands every function the
     * token array as its third argument. */
    function analyse(strings) {
      const terms = strings.map(() => [])
      const seq = []                     /* one entry per word part */
      strings.forEach(function (raw, t) {
        const parts = wordParts(raw)
        const exact = parts.map(exactForm)
        for (const e of exact)
          terms[t].push(e)
        for (const e of exact)
          terms[t].push(foldForm(e))
        if (exact.length > 1) {          /* "ct/tw" is also "cttw" */
          const joined = exact.join("")
          terms[t].push(joined, foldForm(joined))
        }
        const edges = decodeEntities(raw).split(WORD_PART)
        exact.forEach(function (e, i) {
          seq.push({
            token: t,
            plain: plainD(e),
            folded: foldForm(e),
            breakBefore: i === 0 && PHRASE_BREAK.test(edges[0] || ""),
            breakAfter: i === exact.length - 1 && PHRASE_BREAK.test(edges[edges.length - 1] || "")
          })
        })
      })

      /* Tokens covered by seq[k .. k + length - 1], or null when the run is
       * not `wanted` or crosses punctuation. */
      function cover(k, wanted, key) {
        if (k + wanted.length > seq.length)
          return null
        const tokens = []
        for (let j = 0; j < wanted.length; j++) {
          const part = seq[k + j]
          if (part[key] !== wanted[j])
            return null
          if (j > 0 && (part.breakBefore || seq[k + j - 1].breakAfter))
            return null
          if (tokens[tokens.length - 1] !== part.token)
            tokens.push(part.token)
        }
        return tokens
      }

      for (let k = 0; k < seq.length; k++) {
        for (const entry of byAbbrStart.get(seq[k].plain) || []) {
          const tokens = cover(k, entry.abbr, "plain")
          if (tokens)
            for (const t of tokens)
              terms[t].push(...entry.wordTerms, ...entry.abbrTerms)
        }
        for (const entry of byWordStart.get(seq[k].folded) || []) {
          const tokens = cover(k, entry.words, "folded")
          if (tokens)
            for (const t of tokens)
              terms[t].push(...entry.abbrTerms)
        }
      }
      return terms.map(unique)
    }

    /* Pipeline function: one token in, its exact, folded and glossary terms
     * out, all with the token's metadata (Material's "position"), which is
     * what lets highlighting mark the original words. */
    let lastTokens = null
    let lastTerms = null
    function indexTerms(token, i, tokens) {
      if (tokens === undefined) {
        tokens = [token]
        i = 0
      }
      if (tokens !== lastTokens) {
        lastTerms = analyse(tokens.map(t => t.toString()))
        lastTokens = tokens
      }
      return lastTerms[i].map(term => token.clone(() => term))
    }

    /* ------------------------------------------------------------------------
     * Query
     * --------------------------------------------------------------------- */

    /* Exact form of a typed term, wildcards kept: "Uỷ*" → "ủy*",
     * "CT/TW*" → "cttw*" (the same joined form the index has). */
    function normaliseQueryTerm(term) {
      const pieces = term.split("*").map(piece => wordParts(piece).map(exactForm).join(""))
      const out = pieces.join("*")
      return out.replace(/\*/g, "") ? out : term
    }

    /* Separates the variants of one clause on their way through the search
     * pipeline; cannot be typed (lunr's lexer and Material drop it). */
    const VARIANTS = "\u0001"

    /* Whether a clause term (wildcards, edit distance and all) matches any
     * term of the index. */
    function hasMatch(index, clause, term) {
      const probe = Object.assign({}, clause, { term: term })
      const stack = [index.tokenSet.intersect(lunr.TokenSet.fromClause(probe))]
      const seen = new Set()
      while (stack.length) {
        const node = stack.pop()
        if (node.final)
          return true
        if (seen.has(node))
          continue
        seen.add(node)
        for (const edge in node.edges)
          stack.push(node.edges[edge])
      }
      return false
    }

    /* How much a match through the folded form counts, relative to a match
     * of the exact form, when the reader typed diacritics. Small, so that
     * whatever matches the spelling typed ranks first (even a folded match
     * in a title, which Material boosts 1000x, stays below an exact one),
     * while a misspelt or half-accented query still finds its words. */
    const FOLDED_WEIGHT = 0.01

    /* Give each clause whose term has diacritics a folded twin.
     *  - Optional clause (the usual case): the twin is a clause of its own
     *    with a lower boost; lunr ORs optional clauses anyway.
     *  - Required clause (+term, "quoted words", Material's suggestions):
     *    both forms must count as one clause, which lunr only allows through
     *    the search pipeline: they travel joined and searchTerms splits them.
     *    Only forms that occur in the index are kept: lunr gives up on a
     *    required clause at its first term without a match, even if another
     *    of its terms would match.
     *  - Prohibited clause (-term): left exact; "-hội" should not also drop
     *    every page that says "hỏi". */
    function expandClauses(index, clauses) {
      const out = []
      for (const clause of clauses) {
        out.push(clause)
        if (typeof clause.term !== "string")
          continue
        const folded = foldForm(clause.term)
        if (folded === clause.term)
          continue
        if (clause.presence === lunr.Query.presence.REQUIRED) {
          const usable = [clause.term, folded].filter(term => hasMatch(index, clause, term))
          if (usable.length > 1) {
            clause.term = usable.join(VARIANTS)
            clause.usePipeline = true
          } else if (usable.length === 1) {
            clause.term = usable[0]
          }
        } else if (clause.presence !== lunr.Query.presence.PROHIBITED) {
          out.push(Object.assign({}, clause, { term: folded, boost: clause.boost * FOLDED_WEIGHT }))
        }
      }
      return out
    }

    /* Search pipeline function: split a clause's joined variants. */
    function searchTerms(token) {
      const str = token.toString()
      if (str.indexOf(VARIANTS) < 0)
        return token
      return str.split(VARIANTS).map(term => token.clone(() => term))
    }

    /* An index term and its folded twin share positions; Material would wrap
     * such a word in <mark> twice. Keep each position once per field. The
     * arrays may be the index's own postings, so replace, never mutate. */
    function dedupePositions(results) {
      for (const result of results) {
        const seen = Object.create(null)
        const metadata = result.matchData.metadata
        for (const term of Object.keys(metadata)) {
          for (const field of Object.keys(metadata[term])) {
            const data = metadata[term][field]
            if (!data || !Array.isArray(data.position))
              continue
            const done = seen[field] || (seen[field] = new Set())
            const kept = data.position.filter(p => !done.has(p) && done.add(p))
            if (kept.length !== data.position.length)
              metadata[term][field] = Object.assign({}, data, { position: kept })
          }
        }
      }
      return results
    }

    /* ------------------------------------------------------------------------
     * Registration
     * --------------------------------------------------------------------- */

    lunr.vi = function () {
      this.pipeline.reset()
      this.pipeline.add(lunr.vi.stopWordFilter, lunr.vi.indexTerms)
      /* Replaces lunr's default search pipeline (the English stemmer, which
       * would mangle Vietnamese terms typed as +term). */
      this.searchPipeline.reset()
      this.searchPipeline.add(lunr.vi.searchTerms)
    }

    /* As in lunr-languages; used by lunr.multiLanguage. */
    lunr.vi.wordCharacters = "[A-Za-z\u0300\u0350\u0301\u0351\u0309\u0323\u0303\u0343" +
      "\u00C2\u00E2\u00CA\u00EA\u00D4\u00F4\u0102-\u0103\u0110-\u0111\u01A0-\u01A1\u01AF-\u01B0]"
    lunr.vi.stopWordFilter = lunr.generateStopWordFilter("là cái nhưng mà".split(" "))
    lunr.vi.indexTerms = indexTerms
    lunr.vi.searchTerms = searchTerms
    lunr.Pipeline.registerFunction(lunr.vi.stopWordFilter, "stopWordFilter-vi")
    lunr.Pipeline.registerFunction(lunr.vi.indexTerms, "indexTerms-vi")
    lunr.Pipeline.registerFunction(lunr.vi.searchTerms, "searchTerms-vi")

    /* For tests and debugging. */
    lunr.vi.exactForm = exactForm
    lunr.vi.foldForm = foldForm
    lunr.vi.normaliseQueryTerm = normaliseQueryTerm
    lunr.vi.analyse = analyse
    lunr.vi.glossary = glossary

    /* Normalise every clause term, for the index query and for Material's own
     * parse of the query alike. Patched once, even if this file loads twice. */
    if (!lunr.Query.prototype.clause.vi) {
      const clause = lunr.Query.prototype.clause
      lunr.Query.prototype.clause = function (c) {
        if (c && typeof c.term === "string")
          c.term = normaliseQueryTerm(c.term)
        return clause.call(this, c)
      }
      lunr.Query.prototype.clause.vi = true
    }

    /* Add folded variants to the clauses of indexes built with lunr.vi. */
    if (!lunr.Index.prototype.query.vi) {
      const query = lunr.Index.prototype.query
      lunr.Index.prototype.query = function (fn) {
        const index = this
        if (!index.pipeline || index.pipeline._stack.indexOf(lunr.vi.searchTerms) < 0)
          return query.call(this, fn)
        return dedupePositions(query.call(this, function (q) {
          fn.call(q, q)
          q.clauses = expandClauses(index, q.clauses)
        }))
      }
      lunr.Index.prototype.query.vi = true
    }
  }
})
