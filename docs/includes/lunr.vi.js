/*
 * lunr.vi — Vietnamese language support for this site's search.
 *
 * build_faq.py turns this template into
 * assets/javascripts/lunr/min/lunr.vi.min.js, the file Material for MkDocs'
 * search worker loads (importScripts) for `plugins: search: lang: vi`. A file
 * at that path in docs/ takes precedence over the theme's own copy, so no
 * theme override is needed. Its placeholders below are filled in from
 * faq.yml and plans/: the glossary, the synonyms, the bodies' names and the
 * plans' titles, and the readers' wordings of each answer.
 *
 * What readers need, and how this file gives it:
 *
 * 1. Diacritics are optional. Many people type Vietnamese without them
 *    ("du luan xa hoi"), some type them partly or wrongly, some type NFD
 *    (decomposed) text, and the tone mark of "oa/oe/uy" sits in two places
 *    ("hòa"/"hoà", "ủy"/"uỷ"). Every token is indexed twice, at the same
 *    position:
 *      - its exact form: lower case, NFC, the tone mark on one canonical
 *        vowel ("ủy" for "uỷ" too);
 *      - its folded form: no marks at all, đ → d (Unicode NFD alone does not
 *        take the bar off đ, a letter of its own), stored behind FOLD_MARK
 *        so that "ban" folded from "bản" is a different index term from the
 *        word "ban" itself.
 *    A query without any diacritic is looked up in folded forms only ("uy
 *    ban" finds "Ủy ban" and "uy ban" alike). A query with diacritics
 *    anywhere is taken as typed with care: each word is looked up in exact
 *    forms, and in folded forms with a tiny weight, so exact spellings rank
 *    first ("ủy ban" puts "Ủy ban" above "văn bản") while a wrong or missing
 *    mark still finds the word. Material makes every typed word a prefix
 *    ("dư*"); only the last one, still being typed, stays a prefix here.
 *
 * 2. Abbreviations (the glossary). Where the text says "HĐND", the index also
 *    gets the words "hội đồng nhân dân"; where the text has the words "hội
 *    đồng nhân dân" in a row, the index also gets "hđnd". So "hdnd", "HĐND",
 *    "Hội đồng nhân dân" and "hoi dong nhan dan" all find both spellings.
 *    Matching at index time keeps the phrase a phrase: "UBND" finds the four
 *    words only where they stand together, which a query-time OR of "ủy",
 *    "ban", "nhân", "dân" could not do. When the reader types a whole
 *    meaning, an extra clause asks for the entry itself, so the places with
 *    the phrase or its abbreviation come first.
 *
 * 3. Previews keep their diacritics, and highlighting still works. Material
 *    highlights result previews from token *positions* recorded at index
 *    time (metadata "position", pointing into its own table of offsets in the
 *    original text), not with a regex over the query. Every extra term made
 *    here carries the position of the word it came from, so an unaccented
 *    query marks the accented words, and "UBND" marks "Ủy ban nhân dân".
 *    Nothing is added to the pages or to search_index.json: all of this
 *    happens in the worker while it builds its index.
 *
 * How Material's worker (9.x, lunr 2.3.9) drives lunr, and what follows:
 *
 *  - Index: `this.use(lunr.vi)`, then Material installs its own tokenizer
 *    (HTML-aware; lower-cases; splits on the `separator` setting, here the
 *    MkDocs default `[\s\-]+`, so tokens keep punctuation: "hội,", "ct/tw")
 *    and removes lunr.vi.trimmer/stopWordFilter/stemmer from both pipelines
 *    unless the `pipeline` setting lists them (default: stopWordFilter
 *    only). This file's own pipeline functions have other names, so stay.
 *  - Query: Material rewrites "dư luận" into "dư* luận*" (a trailing wildcard
 *    on every term not marked + or -), and lunr skips the search pipeline
 *    for any term with a wildcard. A search pipeline alone would never see
 *    what people type, so this file patches lunr.Query.prototype.clause
 *    (normalise each typed term) and lunr.Index.prototype.query (rewrite the
 *    clauses, tidy the match data).
 *  - Material also parses the query a second time (lunr.QueryParser into a
 *    bare lunr.Query) to tell which typed words matched: it tests whether a
 *    matched index term starts with the typed word, shows the others as
 *    "Không: …", and sends the matched ones as ?h= for highlighting on the
 *    page. That parse goes through lunr.Query.prototype.clause too, and the
 *    index query hands back match data under plain terms (marks removed),
 *    so that test holds for NFD input, the other tone placement and
 *    unaccented input.
 *  - Material highlights on the result page itself (search.highlight, the
 *    ?h= words) with a regex in the page's own script, which this file
 *    cannot reach: there an unaccented query only marks unaccented text.
 *
 * The file must stay self-contained: under the offline plugin the worker
 * runs in an iframe (iframe-worker), importScripts is emulated with <script>
 * tags, and there is no server to fetch anything from.
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

    /* The glossary of faq.yml, {abbreviation: meaning}, filled in by build_faq.py. */
    const GLOSSARY = __GLOSSARY__

    /* The synonyms of faq.yml, {plan term: [readers' words]}, filled in by
     * build_faq.py. */
    const SYNONYMS = __SYNONYMS__

    /* Names, filled in by build_faq.py: `bodies`, each body of faq.yml as
     * the list of names readers may type for it (see search_names in
     * faqbuild/exports.py); `titles`, the plans' titles ("triển khai thực
     * hiện Chỉ thị số 47-CT/TW, ngày …"). */
    const NAMES = __NAMES__

    /* Readers' own wordings of each answer (faq.yml `also_asked`), by the
     * answer's location in the search index ("chu-de/….html#id"), filled in
     * by build_faq.py. They are indexed as a field of their own, "asked", so
     * that a reader who asks in other words than the question's finds it;
     * no page shows them. */
    const ASKED = __ASKED__

    /* Prefixes of index terms that typing cannot produce (typed terms keep
     * letters, digits and wildcards only, see normaliseQueryTerm):
     *   FOLD_MARK + folded form   "\u0003ban" for "bản", "Ban", "bàn"…
     *   GLOSSARY_MARK + abbreviation   "this glossary entry occurs here":
     *     its abbreviation as written with the glossary's case, or its whole
     *     meaning. A typed phrase asks for it, so "trí tuệ nhân tạo" finds
     *     "AI" without also finding every "Ai ký…?" ("who signs…?"). */
    const FOLD_MARK = "\u0003"
    const GLOSSARY_MARK = "\u0002"

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

    /* An exact form with đ → d and nothing else folded: abbreviations are
     * matched this way, as people write both "HĐND" and "HDND", while full
     * folding would let words such as "từ" pass for an abbreviation "TU". */
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

    /* Punctuation that ends a phrase: an expansion is only matched across
     * it where the expansion itself has punctuation ("khoa học, công nghệ"). */
    const PHRASE_BREAK = /[.,;:!?…()[\]{}"“”«»]/

    /* Word parts of a text, each with whether punctuation separates it from
     * the part before. */
    function partsWithBreaks(text) {
      const out = []
      const re = new RegExp(WORD_PART.source, "gu")
      let last = 0
      let match
      text = decodeEntities(text)
      while ((match = re.exec(text)) !== null) {
        out.push({ part: match[0], breakBefore: PHRASE_BREAK.test(text.slice(last, match.index)) })
        last = match.index + match[0].length
      }
      return { parts: out, breakAfter: PHRASE_BREAK.test(text.slice(last)) }
    }

    /* ------------------------------------------------------------------------
     * Glossary
     * --------------------------------------------------------------------- */

    function unique(list) {
      return Array.from(new Set(list))
    }

    /* A word as index terms: exact form and marked folded form. */
    function bothForms(exact) {
      return [exact, FOLD_MARK + foldForm(exact)]
    }

    /* An abbreviation as written, for comparing with the text as written:
     * case kept ("AI" is not the word "Ai"), đ/Đ → d/D ("HDND" = "HĐND"). */
    function casedD(word) {
      return word.normalize("NFC").replace(/đ/g, "d").replace(/Đ/g, "D")
    }

    /* The meaning without notes in brackets, and without quotes:
     * "báo cáo (“để b/c” là để báo cáo)" → "báo cáo". */
    function mainMeaning(meaning) {
      return String(meaning).replace(/\s*[(（][^)）]*[)）]/g, " ").replace(/["“”]/g, " ").trim()
    }

    /* Each entry, ready for matching and for emitting index terms:
     *   abbr / abbrCased  parts of the abbreviation, lower case with đ → d,
     *                     and as written: "CT/TW" → ["ct", "tw"] / ["CT", "TW"]
     *   words / breaks    folded parts of the meaning, and where the meaning
     *                     has punctuation between them
     *   joined            the abbreviation's exact parts joined: "cttw"
     *   marked            GLOSSARY_MARK + joined
     *   abbrTerms         indexed where the meaning occurs
     *   wordTerms         indexed (with abbrTerms) where the abbreviation occurs
     *   (and `marked` once per occurrence of either) */
    const glossary = Object.keys(GLOSSARY || {}).map(function (key) {
      const abbrParts = wordParts(key)
      const abbr = abbrParts.map(exactForm)
      const meaning = partsWithBreaks(mainMeaning(GLOSSARY[key])).parts
      const words = meaning.map(m => exactForm(m.part))
      const joined = abbr.join("")
      return {
        key: key,
        meaning: mainMeaning(GLOSSARY[key]),
        abbr: abbr.map(plainD),
        abbrCased: abbrParts.map(casedD),
        words: words.map(foldForm),
        breaks: meaning.map(m => m.breakBefore),
        joined: joined,
        marked: GLOSSARY_MARK + joined,
        abbrTerms: unique([...abbr, joined].flatMap(bothForms)),
        wordTerms: unique(words.flatMap(bothForms))
      }
    }).filter(entry => entry.abbr.length && entry.words.length)

    /* Whether a word part is part j of an entry's abbreviation: `written`
     * (as written, đ/Đ → d/D) must have the glossary's case when the case is
     * known ("Ai" is not "AI"); otherwise `plain` (lower case, đ → d) is
     * compared. */
    function isAbbrPart(entry, j, plain, written) {
      return written == null ? plain === entry.abbr[j] : written === entry.abbrCased[j]
    }

    /* Entries by their index key, for the title-coverage boost. */
    const byMark = new Map(glossary.map(entry => [entry.marked, entry]))

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

    /* Folded form → the exact forms indexed with it ("triet" → "triệt",
     * "triết"), to name folded matches as the page spells them. */
    const spellings = new Map()
    function noteSpelling(exact) {
      const folded = foldForm(exact)
      if (folded === exact)
        return
      let set = spellings.get(folded)
      if (!set)
        spellings.set(folded, set = new Set())
      set.add(exact)
    }

    /* What one token contributes on its own, whatever its neighbours:
     *   terms  its index terms ("ct/tw" → ct, tw, cttw, each exact and folded)
     *   parts  its word parts, for glossary matching: lower case with đ → d,
     *          folded, and whether punctuation stands before/after them
     * Tokens repeat a lot, so this is memoised. */
    const tokenInfo = memoise(function (raw) {
      const { parts, breakAfter } = partsWithBreaks(raw)
      const exact = parts.map(p => exactForm(p.part))
      const terms = exact.flatMap(bothForms)
      if (exact.length > 1)
        terms.push(...bothForms(exact.join("")))
      for (const term of terms)
        if (term.charAt(0) !== FOLD_MARK)
          noteSpelling(term)
      return {
        terms: unique(terms),
        parts: exact.map((e, i) => ({
          plain: plainD(e),
          folded: foldForm(e),
          breakBefore: parts[i].breakBefore,
          breakAfter: i === exact.length - 1 && breakAfter
        }))
      }
    })

    /* Index terms for each token of one field: an array (parallel to the
     * tokens) of arrays of terms. Looks at the whole field because glossary
     * phrases span several tokens; lunr's pipeline hands each function the
     * token array as its third argument.
     *   strings    the tokens as Material made them (lower case)
     *   originals  a function giving token t as written, or null if unknown;
     *              when known, an abbreviation in the text must have the
     *              glossary's case, so "Ai ký…" ("who signs…") is not "AI" */
    function analyse(strings, originals) {
      const infos = strings.map(tokenInfo)
      const extra = []                   /* token → glossary terms, if any */
      const seq = []                     /* one entry per word part */
      infos.forEach(function (info, t) {
        info.parts.forEach((part, i) => seq.push({ part: part, token: t, index: i }))
      })
      const cased = []
      function casedPart(entry) {
        if (cased[entry.token] === undefined) {
          const text = originals ? originals(entry.token) : null
          const parts = typeof text === "string" ? wordParts(text) : null
          cased[entry.token] = parts && parts.length === infos[entry.token].parts.length
            ? parts.map(casedD) : null
        }
        return cased[entry.token] && cased[entry.token][entry.index]
      }

      /* Whether punctuation separates seq[i - 1] and seq[i]. */
      function broken(i) {
        return seq[i].part.breakBefore || seq[i - 1].part.breakAfter
      }

      /* The tokens of seq[k .. k + n - 1] if each part passes test, else null. */
      function cover(k, n, test) {
        if (k + n > seq.length)
          return null
        const tokens = []
        for (let j = 0; j < n; j++) {
          if (!test(seq[k + j], j, k + j))
            return null
          if (tokens[tokens.length - 1] !== seq[k + j].token)
            tokens.push(seq[k + j].token)
        }
        return tokens
      }

      function add(tokens, terms) {
        for (const t of tokens)
          (extra[t] || (extra[t] = [])).push(...terms)
      }

      for (let k = 0; k < seq.length; k++) {
        for (const entry of byAbbrStart.get(seq[k].part.plain) || []) {
          const tokens = cover(k, entry.abbr.length, function (e, j, i) {
            if (j > 0 && broken(i))
              return false
            return isAbbrPart(entry, j, e.part.plain, casedPart(e))
          })
          if (tokens) {
            add(tokens, entry.wordTerms.concat(entry.abbrTerms))
            add(tokens.slice(0, 1), [entry.marked])
          }
        }
        for (const entry of byWordStart.get(seq[k].part.folded) || []) {
          const tokens = cover(k, entry.words.length, (e, j, i) =>
            e.part.folded === entry.words[j] && (j === 0 || entry.breaks[j] || !broken(i)))
          if (tokens) {
            /* The abbreviation on every word, so that highlighting marks the
             * whole phrase; the mark once, as it only counts for ranking. */
            add(tokens, entry.abbrTerms)
            add(tokens.slice(0, 1), [entry.marked])
          }
        }
      }
      return infos.map((info, t) => extra[t] ? unique(info.terms.concat(extra[t])) : info.terms)
    }

    /* The text Material's tokenizer was last given: the field being indexed
     * (see the lunr.Builder patch below). */
    let currentField = null

    /* A token as written in the page. Material's tokenizer lower-cases tokens
     * before the pipeline sees them, but records each token's place in
     * lunr.tokenizer.table (position = block << 20 | index; entry = start <<
     * 12 | length << 2 | type) for highlighting. That layout is Material's
     * internal business, so the answer is only trusted when it lower-cases
     * back to the token; otherwise null, and abbreviations then match in any
     * case. */
    function originalText(token) {
      const table = lunr.tokenizer && lunr.tokenizer.table
      const position = token.metadata && token.metadata.position
      if (typeof currentField !== "string" || !Array.isArray(table) || typeof position !== "number")
        return null
      const block = table[position >>> 20]
      const entry = block && block[position & 0xFFFFF]
      if (typeof entry !== "number")
        return null
      const start = entry >>> 12
      const text = currentField.slice(start, start + (entry >>> 2 & 0x3FF))
      return text.toLowerCase() === token.toString() ? text : null
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
        lastTerms = analyse(tokens.map(String), t => originalText(tokens[t]))
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
      const out = term.split("*").map(piece => wordParts(piece).map(exactForm).join("")).join("*")
      return out.replace(/\*/g, "") ? out : term
    }

    /* A typed term in folded form, as an index term: "dư*" → FOLD_MARK +
     * "du*". The mark goes first, before any leading wildcard. */
    function foldedTerm(term) {
      return FOLD_MARK + foldForm(term)
    }

    /* Whether a typed term has any diacritic (đ included). */
    function accented(term) {
      return foldForm(term) !== term
    }

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

    /* Separates the forms of one required clause on their way through the
     * search pipeline (see rewriteClauses); typing cannot produce it. */
    const VARIANTS = "\u0001"

    /* How much a match through the folded form counts, relative to a match
     * of the exact form, in a query typed with diacritics. Tiny, so that the
     * spelling typed ranks first even when it is a common word deep in a
     * text and the folded match is in a title (Material boosts titles
     * 1000x), while a misspelt or half-accented query still finds its words.
     * Among pages that only match folded, the order is unchanged: every
     * score is scaled alike. */
    const FOLDED_WEIGHT = 1e-6

    /* Rewrite the typed clauses (see 1. at the top).
     *  - Material puts a trailing wildcard on every term. Only the last term
     *    is still being typed; the others are finished words and lose it.
     *    Vietnamese syllables are short and many are the start of others:
     *    "du*" would pull in "dụng", "dưới", "duy"…, "xa*" "xây", "xác"…,
     *    drowning the words typed (all the more once diacritics are folded).
     *    A query of one letter is no prefix either: "d*" would match most of
     *    the site, and ranking and drawing that list holds up the results of
     *    the next keystrokes, the ones the reader waits for.
     *  - Query without diacritics: every term becomes its folded form.
     *  - Query with diacritics: each term stays exact, and
     *      optional (the usual case): gets a folded twin, a clause of its own
     *        with FOLDED_WEIGHT; lunr ORs optional clauses anyway. On the last
     *        term the twin keeps the wildcard: "hô", on its way to "hội",
     *        finds it through "ho*".
     *      required (+term, "quoted words", Material's suggestion query): both
     *        forms must count as one clause, which lunr only allows through
     *        the search pipeline: they travel joined by VARIANTS and
     *        searchTerms splits them. Only forms that occur in the index are
     *        kept: lunr gives up on a required clause at its first term
     *        without a match, even if another of its terms would match.
     *      prohibited (-term): stays exact only; "-hội" should not also drop
     *        the pages that say "hỏi". */
    function rewriteClauses(index, typed) {
      const careful = typed.some(c => typeof c.term === "string" && accented(c.term))
      const last = typed[typed.length - 1]
      const out = []
      for (const clause of typed) {
        out.push(clause)
        if (typeof clause.term !== "string")
          continue
        const oneLetter = typed.length === 1 && /^[^*]\*+$/.test(clause.term)
        if ((clause !== last || oneLetter) && /[^*]\*+$/.test(clause.term))
          clause.term = clause.term.replace(/\*+$/, "")
        const folded = foldedTerm(clause.term)
        if (!careful) {
          clause.term = folded
        } else if (clause.presence === lunr.Query.presence.REQUIRED) {
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

    /* The words the reader typed, in order, as {core, prefix}: the terms of
     * the query's clauses that are not prohibited, without the wildcards at
     * their ends. Glossary spans and ranking slots both count in these. */
    function typedWords(typed) {
      return typed
        .filter(c => typeof c.term === "string" && c.term.charAt(0) !== GLOSSARY_MARK &&
          c.presence !== lunr.Query.presence.PROHIBITED)
        .map(c => ({ core: c.term.replace(/^\*+|\*+$/g, ""), prefix: /\*$/.test(c.term) }))
        .filter(w => w.core.replace(/\*/g, ""))
    }

    /* How strongly a typed glossary meaning (or an abbreviation the separator
     * cut in two, such as "CT-XH") pulls up the places that have the whole
     * phrase or its abbreviation, per word. lunr divides scores by the length
     * of the query vector and Material boosts titles 1000x: at this weight a
     * place with the whole phrase ranks above one that merely has some of its
     * words in a title. */
    const PHRASE_WEIGHT = 1000

    /* Clauses for glossary entries the reader typed out: the words of a
     * meaning in a row ("hoi dong nhan dan"), or the parts of an abbreviation
     * that the separator cut apart ("CT-XH" → "ct", "xh"). One clause per
     * entry, for its marked term, which the index has wherever the
     * abbreviation or the whole phrase occurs. The last word may still be
     * being typed (it has Material's trailing wildcard), so it only has to be
     * a prefix. */
    function glossaryClauses(query, typed) {
      const words = typedWords(typed)
      function matches(k, wanted, form) {
        if (wanted.length < 2 || k + wanted.length > words.length)
          return false
        for (let j = 0; j < wanted.length; j++) {
          const word = words[k + j]
          if (word.core.indexOf("*") >= 0)
            return false
          const have = form(word.core)
          const last = k + j === words.length - 1
          if (!(have === wanted[j] || (last && word.prefix && wanted[j].startsWith(have))))
            return false
        }
        return true
      }
      const spans = []
      for (let k = 0; k < words.length; k++) {
        for (const entry of byWordStart.get(foldForm(words[k].core)) || [])
          if (matches(k, entry.words, foldForm))
            spans.push({ start: k, end: k + entry.words.length, term: entry.marked })
        for (const entry of byAbbrStart.get(plainD(words[k].core)) || [])
          if (matches(k, entry.abbr, plainD))
            spans.push({ start: k, end: k + entry.abbr.length, term: entry.marked })
      }
      /* The longest meaning wins: "Ban Tuyên giáo và Dân vận Trung ương" asks
       * for BTGDVTW, not also for BTGDV and TW, whose pages would otherwise
       * outrank it with those words in their titles. */
      const clauses = []
      const done = new Set()
      for (const span of spans) {
        if (done.has(span.term) || spans.some(other => other !== span &&
            other.start <= span.start && span.end <= other.end &&
            other.end - other.start > span.end - span.start))
          continue
        done.add(span.term)
        query.clause({ term: span.term, boost: PHRASE_WEIGHT * (span.end - span.start), usePipeline: false })
        clauses.push(Object.assign(query.clauses.pop(), { viSpan: [span.start, span.end] }))
      }
      return clauses
    }

    /* Search pipeline function: split a required clause's joined forms. */
    function searchTerms(token) {
      const str = token.toString()
      if (str.indexOf(VARIANTS) < 0)
        return token
      return str.split(VARIANTS).map(term => token.clone(() => term))
    }

    /* The exact form behind a folded match: the spelling of the page at the
     * match's first position, or null. */
    function spelledAs(index, ref, folded, fields) {
      for (const exact of spellings.get(folded) || []) {
        const posting = index.invertedIndex[exact]
        for (const field of Object.keys(fields)) {
          const positions = fields[field] && fields[field].position
          const entry = posting && posting[field] && posting[field][ref]
          if (positions && positions.length && entry && entry.position && entry.position.indexOf(positions[0]) >= 0)
            return exact
        }
      }
      return null
    }

    /* Match data as Material expects it:
     *  - folded terms under their plain spelling ("\u0003triet" → "triet"), so
     *    that Material's "does a matched term start with the typed word" test
     *    sees words, then (without positions) under the page's own spelling
     *    ("triệt"): Material suggests the last matched term when it starts
     *    with the word being typed, so "quan tri" is completed as "quan
     *    triệt", not "quan triet";
     *  - glossary marks dropped (the words of the phrase or of the
     *    abbreviation's meaning matched too, at the same positions);
     *  - each position once per field: a word matched exact and folded would
     *    otherwise be wrapped in <mark> twice.
     * The arrays may be the index's own postings: build new ones, never
     * mutate. */
    function tidyMatchData(index, results) {
      for (const result of results) {
        const metadata = result.matchData.metadata
        const tidy = Object.create(null)
        const seen = Object.create(null)           /* field → positions kept */
        let lastFolded = null
        for (const term of Object.keys(metadata)) {
          if (term.charAt(0) === GLOSSARY_MARK)
            continue
          const folded = term.charAt(0) === FOLD_MARK
          const name = folded ? term.slice(1) : term
          if (folded)
            lastFolded = term
          const entry = tidy[name] || (tidy[name] = Object.create(null))
          for (const field of Object.keys(metadata[term])) {
            const data = metadata[term][field] || {}
            let kept = Array.isArray(data.position) ? data.position : []
            const done = seen[field] || (seen[field] = new Set())
            if (kept.some(p => done.has(p)))
              kept = kept.filter(p => !done.has(p))
            for (const p of kept)
              done.add(p)
            const before = entry[field]
            entry[field] = before
              ? Object.assign({}, before, { position: before.position.concat(kept) })
              : kept === data.position ? data : Object.assign({}, data, { position: kept })
          }
        }
        /* Only the last term can become the suggestion. */
        const written = lastFolded && spelledAs(index, result.ref, lastFolded.slice(1), metadata[lastFolded])
        if (written && written !== lastFolded.slice(1)) {
          const entry = tidy[written] || Object.create(null)
          delete tidy[written]                     /* (re)insert last */
          for (const field of Object.keys(metadata[lastFolded]))
            entry[field] = entry[field] || { position: [] }
          tidy[written] = entry
        }
        /* A compound abbreviation typed ("ubmttq") matched through its pieces. */
        for (const [compound, pieces] of lastSplits)
          if (pieces.some(piece => tidy[piece]) && !tidy[compound])
            tidy[compound] = Object.create(null)
        result.matchData.metadata = tidy
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
    lunr.vi.FOLD_MARK = FOLD_MARK
    lunr.vi.GLOSSARY_MARK = GLOSSARY_MARK

    /* The patches below wrap lunr's own methods, kept on the wrapper as
     * `.viOriginal`, so loading this file twice wraps them once. */
    function patch(owner, name, make) {
      const original = owner[name].viOriginal || owner[name]
      owner[name] = make(original)
      owner[name].viOriginal = original
    }

    /* Normalise every typed clause term, for the index query and for
     * Material's own parse of the query alike. */
    patch(lunr.Query.prototype, "clause", clause => function (c) {
      /* Terms made here (glossary marks, folded forms) are index terms already. */
      if (c && typeof c.term === "string" && c.term.charAt(0) !== GLOSSARY_MARK && c.term.charAt(0) !== FOLD_MARK)
        c.term = normaliseQueryTerm(c.term)
      return clause.call(this, c)
    })

    /* Remember the text each field hands to the tokenizer, for originalText.
     * Material sets its own tokenizer after lunr.vi has run, so it is wrapped
     * here, when the first document is added. */
    patch(lunr.Builder.prototype, "add", add => function (doc, attributes) {
      if (this.pipeline._stack.indexOf(lunr.vi.indexTerms) < 0)
        return add.call(this, doc, attributes)
      if (!this.tokenizer.vi) {
        const tokenizer = this.tokenizer
        this.tokenizer = function (input, metadata) {
          currentField = typeof input === "string" ? input : null
          return tokenizer.call(this, input, metadata)
        }
        this.tokenizer.vi = true
      }
      /* The readers' wordings: a field of their own, declared before the
       * first document. Material's tokenizer records each field's token
       * offsets in lunr.tokenizer.table for highlighting; these are never
       * shown, so they get a table of their own, and the text's stays
       * whole. One string, a paragraph per wording: a block each, so no
       * phrase pair spans two wordings, and originalText can read the case
       * ("ai", who, is not "AI"), which it cannot for a list. The wordings
       * are words and ", ? / - ." only (faq.yml's validation), never markup. */
      if (this.documentCount === 0 && ASKED && Object.keys(ASKED).length) {
        this.field("asked", { extractor: function (d) {
          lunr.tokenizer.table = []
          const wordings = (d && ASKED[d.location]) || []
          return wordings.length ? "<p>" + wordings.join("</p><p>") + "</p>" : ""
        } })
      }
      /* What ranking needs beside the index: each answer's bodies, and the
       * titles' runs of words by their initials. */
      if (doc && typeof doc.location === "string") {
        (this.viFacets || (this.viFacets = new Map())).set(doc.location, docFacets(doc))
        noteInitials(this.viInitials || (this.viInitials = new Map()), String(doc.title || ""))
      }
      try {
        return add.call(this, doc, attributes)
      } finally {
        currentField = null
      }
    })

    /* ------------------------------------------------------------------------
     * Ranking: BM25 across fields, phrases, synonyms
     * --------------------------------------------------------------------- */

    /* lunr ranks by a cosine of BM25 weights, and Material multiplies the
     * title's weight by 1000: a query word in a question's title then
     * outweighs any number of rare words in its answer. This file ranks the
     * documents lunr finds itself (BM25F: term frequencies summed across
     * fields with these weights, saturated once), and lunr's own score is
     * only used to find the candidates and their match data. The values were
     * measured on the tune part of tests/search_eval.yml (README, "Search"). */
    const RANK = {
      k1: 1.2,
      fields: { title: { weight: 8, b: 0.3 }, text: { weight: 1, b: 0.9 }, tags: { weight: 8, b: 0 },
                asked: { weight: 1.5, b: 0.6 } },
      folded: 0.01,        /* a folded match, in a query typed with diacritics */
      prefix: 0.6,         /* a longer syllable for the one still being typed */
      phrase: 1.5,         /* two typed syllables side by side, per pair */
      synonym: 0.7,        /* a plan term found through a reader's word */
      rephrased: 0.5,      /* the reader's words a synonym stands for */
      repair: 1,           /* a telex leftover read as the word it stands for */
      /* A typed glossary meaning or abbreviation is one name: found whole
       * (the phrase, or the abbreviation) it adds this, once; its words found
       * elsewhere, not as the name, count `scattered` ("chính trị" and "xã
       * hội" apart are not "chính trị - xã hội"). */
      name: 0.5,
      scattered: 0.3,
      coverage: 0,         /* score × (share of the query's weight found)^coverage */
      common: 0.3,         /* a word of COMMON_WORDS */
      /* By kind of row: answers first; a plan section or a body's page when
       * it holds much more of the query. */
      kind: { answer: 1, section: 0.75, body: 0.7, other: 0.4 },
      /* A body the reader names (see bodyPhrases), listed in an answer's
       * "Cơ quan:" line: score × (1 + this). (Measured: the same bonus for a
       * body named in the question's title loses as many answers as it
       * finds; the title's own weight covers it.) */
      body: 0.1
    }

    /* Words that shape a question rather than name what it is about ("ai",
     * "khi nào", "có phải … không"), folded. Every title has some, so at
     * full weight they pick answers by the form of their question. */
    const COMMON_WORDS = new Set(("ai gi nao khong co phai la nhung cac cua va cho voi thi duoc " +
      "bao gio khi o dau may the nhu lam sao vay hay hoac ve den tu trong 47").split(" "))

    /* The kind of result a document is, from its location. Topic pages as a
     * whole (their title and one-line blurb) are not results: each of their
     * answers is. */
    function kindOf(location) {
      const hash = location.indexOf("#")
      const path = hash < 0 ? location : location.slice(0, hash)
      if (path.startsWith("chu-de/"))
        return hash < 0 ? null : "answer"
      if (path.startsWith("ke-hoach/"))
        return hash < 0 ? null : "section"
      if (path.startsWith("co-quan/"))
        return path === "co-quan/index.html" ? "other" : "body"
      return "other"
    }

    /* Field lengths, kept from the builder for BM25's length normalisation. */
    patch(lunr.Builder.prototype, "build", build => function () {
      const index = build.call(this)
      if (this.pipeline._stack.indexOf(lunr.vi.indexTerms) >= 0) {
        index.viLengths = this.fieldLengths
        index.viAverage = this.averageFieldLength
        index.viCount = this.documentCount
        index.viFacets = this.viFacets || new Map()
        index.viInitials = this.viInitials || new Map()
      }
      return index
    })

    /* Sorted index terms, for expanding the syllable still being typed. */
    function sortedTerms(index) {
      if (!index.viSorted)
        index.viSorted = Object.keys(index.invertedIndex).sort()
      return index.viSorted
    }

    function termsWithPrefix(index, prefix) {
      const terms = sortedTerms(index)
      let lo = 0
      let hi = terms.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (terms[mid] < prefix) lo = mid + 1
        else hi = mid
      }
      const out = []
      for (let i = lo; i < terms.length && terms[i].startsWith(prefix) && out.length < 200; i++)
        out.push(terms[i])
      return out
    }

    /* The folded index term a word the site has in no spelling stands for
     * when it is a telex leftover: "phis" for "phí", "hoanf" for "hoàn",
     * "ddieu" for "điều" (no Vietnamese syllable ends in s, f, r, x or j, and
     * "dd", "aa", "ee", "oo", "aw", "ow", "uw" are telex for đ, â, ê, ô, ă,
     * ơ, ư). Words one letter away are not tried: Vietnamese syllables are
     * so close that "hoch" is as near to "học" as to "hoạch" (measured: it
     * loses more answers than it finds). */
    function repairs(index, folded) {
      const telex = folded.replace(/^dd/, "d").replace(/([aeo])\1/g, "$1").replace(/([aou])w/g, "$1")
        .replace(/([a-z])[sfrxj]$/, "$1")
      if (telex !== folded && index.invertedIndex[FOLD_MARK + telex])
        return [FOLD_MARK + telex]
      /* Two letters typed in the wrong order ("hoahc" for "hoach"): a swap,
       * unlike a letter changed, rarely makes another syllable, and a word
       * two swaps away from two words is left alone. */
      const out = []
      for (let i = 0; i + 1 < folded.length && folded.length >= 3; i++) {
        if (folded[i] === folded[i + 1])
          continue
        const swapped = folded.slice(0, i) + folded[i + 1] + folded[i] + folded.slice(i + 2)
        if (index.invertedIndex[FOLD_MARK + swapped] && out.indexOf(FOLD_MARK + swapped) < 0)
          out.push(FOLD_MARK + swapped)
      }
      return out.length === 1 ? out : []
    }

    /* Synonyms as folded word sequences: readers' words → plan terms. */
    const synonymRules = []
    for (const term of Object.keys(SYNONYMS || {}))
      for (const word of SYNONYMS[term] || []) {
        const exact = wordParts(word).map(exactForm)
        const to = wordParts(term).map(exactForm)
        if (exact.length && to.length)
          synonymRules.push({ exact: exact, from: exact.map(foldForm), to: to })
      }

    /* Abbreviations written together: "UBMTTQ" for "UB MTTQ". A typed word
     * that the index does not have, and that is two or three known
     * abbreviations in a row, is read as them. Known: the glossary's, and the
     * synonyms' words written in capitals ("UB"). Lower case, đ → d. */
    const ABBREVIATIONS = new Set(glossary.map(entry => foldForm(entry.joined)))
    for (const term of Object.keys(SYNONYMS || {}))
      for (const word of SYNONYMS[term] || [])
        if (/^[A-ZĐ&]{2,}$/.test(word))
          ABBREVIATIONS.add(foldForm(word.replace(/&/g, "")))

    function splitAbbreviations(index, word) {
      const folded = foldForm(word)
      if (folded.length < 4 || !/^[a-z]+$/.test(folded) || index.invertedIndex[FOLD_MARK + folded])
        return null
      function split(rest, depth) {
        if (ABBREVIATIONS.has(rest))
          return [rest]
        if (depth === 0)
          return null
        for (let i = rest.length - 2; i >= 2; i--) {
          const tail = ABBREVIATIONS.has(rest.slice(0, i)) && split(rest.slice(i), depth - 1)
          if (tail)
            return [rest.slice(0, i)].concat(tail)
        }
        return null
      }
      const pieces = split(folded, 2)
      return pieces && pieces.length > 1 ? pieces : null
    }

    /* The typed clauses with each compound abbreviation in pieces; the
     * pieces of each compound go to lastSplits (for tidyMatchData), which the
     * query patch empties for every query. */
    let lastSplits = new Map()
    function splitClauses(index, clauses) {
      const out = []
      for (const clause of clauses) {
        const core = typeof clause.term === "string" ? clause.term.replace(/\*+$/, "") : ""
        const pieces = core && core.indexOf("*") < 0 && clause.presence !== lunr.Query.presence.PROHIBITED &&
          splitAbbreviations(index, core)
        if (!pieces) {
          out.push(clause)
          continue
        }
        lastSplits.set(core, pieces)
        for (const piece of pieces)
          out.push(Object.assign({}, clause, { term: piece }))
      }
      return out
    }

    /* The words the plans' titles name their directive with, before its
     * date: "triển khai thực hiện Chỉ thị số 47-CT/TW", folded. */
    const DIRECTIVE_WORDS = new Set()
    for (const title of (NAMES && NAMES.titles) || []) {
      const words = nameWords(title, true)
      const end = words.indexOf("ngay")
      for (const word of words.slice(0, end < 0 ? words.length : end))
        DIRECTIVE_WORDS.add(word)
    }

    /* Readers' own abbreviations: "STC" for Sở Tài chính, "TĐKT" for thi đua
     * khen thưởng, "BCĐ" for Ban Chỉ đạo. A typed word the index does not
     * have, of two to five letters, is read as the run of words in the
     * questions' titles whose initials it spells, the run found most often
     * (at least twice, and not all question words). The titles name every
     * body and task the answers are about. */
    function noteInitials(initials, title) {
      const { parts } = partsWithBreaks(title)
      const words = parts.map(p => foldForm(exactForm(p.part)))
      for (let i = 0; i < words.length; i++)
        for (let n = 2; n <= 5 && i + n <= words.length; n++) {
          if (parts[i + n - 1].breakBefore)
            break
          const run = words.slice(i, i + n)
          if (run.some(w => !/^[a-z]/.test(w)) || run.every(w => COMMON_WORDS.has(w)))
            continue
          const key = run.map(w => w.charAt(0)).join("")
          const phrases = initials.get(key) || initials.set(key, new Map()).get(key)
          const phrase = run.join(" ")
          phrases.set(phrase, (phrases.get(phrase) || 0) + 1)
        }
    }

    function spelledInitials(index, folded) {
      if (!/^[a-z]{2,5}$/.test(folded) || !index.viInitials || index.invertedIndex[FOLD_MARK + folded])
        return null
      let best = null
      let count = 1
      for (const [phrase, n] of index.viInitials.get(folded) || [])
        if (n > count) {
          best = phrase
          count = n
        }
      return best && best.split(" ")
    }

    /* The words of a query as ranking slots. Each slot lists the index terms
     * that count for it with their weights:
     *  - a word typed without diacritics: its folded form;
     *  - a word typed with diacritics: its exact form, and its folded form at
     *    RANK.folded (a missing or wrong mark still finds the word);
     *  - the last word, still being typed (Material's trailing "*", two
     *    letters or more): also the longer syllables it starts, at
     *    RANK.prefix. Every other word is a whole syllable.
     * `group` numbers the runs of words typed side by side (phrase pairs are
     * only formed inside one run: typed words, or one synonym's words). */
    function slotsOf(index, typed) {
      const words = typedWords(typed).map(w => ({ core: w.core.replace(/\*/g, ""), prefix: w.prefix }))
      const careful = words.some(w => accented(w.core))
      const slots = words.map(function (w, i) {
        const folded = FOLD_MARK + foldForm(w.core)
        const terms = new Map()
        const put = (term, weight) => terms.set(term, Math.max(terms.get(term) || 0, weight))
        if (careful) {
          put(w.core, 1)
          put(folded, RANK.folded)
        } else {
          put(folded, 1)
        }
        const typing = i === words.length - 1 && w.prefix
        if (typing && w.core.length >= 2) {
          for (const term of termsWithPrefix(index, folded))
            put(term, RANK.prefix * (careful ? RANK.folded : 1))
          if (careful)
            for (const term of termsWithPrefix(index, w.core))
              put(term, RANK.prefix)
        }
        const extra = []
        if (!index.invertedIndex[folded] && !(typing && termsWithPrefix(index, folded).length))
          for (const term of repairs(index, foldForm(w.core))) {
            put(term, RANK.repair)
            extra.push(term)
          }
        return { terms: terms, weight: COMMON_WORDS.has(foldForm(w.core)) ? RANK.common : 1,
                 group: 0, folded: foldForm(w.core), exact: w.core, extra: extra }
      })
      /* Synonyms: where the reader's words stand in a row, the plan's term
       * joins the query at RANK.synonym, one run of its own. A word typed
       * with diacritics must have the synonym's ("cử" is not "cụ"); one
       * typed without them matches folded. */
      const typedSlots = slots.slice()
      const same = (slot, rule, j) => accented(slot.exact) ? slot.exact === rule.exact[j] : slot.folded === rule.from[j]
      let group = 1
      for (const rule of synonymRules) {
        for (let k = 0; k + rule.from.length <= typedSlots.length; k++) {
          if (!rule.from.every((f, j) => same(typedSlots[k + j], rule, j)))
            continue
          for (const word of rule.to)
            slots.push({ terms: new Map([[FOLD_MARK + foldForm(word), 1]]), weight: RANK.synonym,
                         group: group, folded: foldForm(word) })
          for (let j = 0; j < rule.from.length; j++)
            typedSlots[k + j].rephrased = true
          group++
          break
        }
      }
      for (const slot of typedSlots) {
        const spelled = !slot.rephrased && slot.extra && !slot.extra.length && slot.terms.size <= 2 &&
          spelledInitials(index, slot.folded)
        if (!spelled)
          continue
        for (const word of spelled)
          slots.push({ terms: new Map([[FOLD_MARK + word, 1]]), weight: RANK.synonym, group: group, folded: word })
        slot.rephrased = true
        group++
      }
      for (const slot of typedSlots)
        if (slot.rephrased)
          slot.weight *= RANK.rephrased
      /* The directive itself, as readers name it to say what they mean
       * ("kế hoạch thực hiện chỉ thị 47"): every answer is about it, so
       * those words count like COMMON_WORDS. */
      for (let i = 0; i < typedSlots.length; i++) {
        let j = i
        while (j < typedSlots.length && DIRECTIVE_WORDS.has(typedSlots[j].folded))
          j++
        const run = typedSlots.slice(i, j).map(slot => slot.folded)
        if (run.length >= 2 && (run.some(w => /^\d+$/.test(w)) || run.join(" ").indexOf("chi thi") >= 0))
          for (const slot of typedSlots.slice(i, j))
            slot.weight = Math.min(slot.weight, RANK.common)
        i = Math.max(i, j - 1)
      }
      return slots
    }

    /* Per slot and document: the positions matched in each field, each
     * position once, at the weight of its best term. */
    function slotPostings(index, slot) {
      const byDoc = new Map()
      for (const [term, weight] of slot.terms) {
        const posting = index.invertedIndex[term]
        if (!posting)
          continue
        for (const field of index.fields) {
          const docs = posting[field]
          if (!docs)
            continue
          for (const ref of Object.keys(docs)) {
            const positions = (docs[ref] && docs[ref].position) || [0]
            let fields = byDoc.get(ref)
            if (!fields)
              byDoc.set(ref, fields = Object.create(null))
            const seen = fields[field] || (fields[field] = new Map())
            for (const p of positions)
              if ((seen.get(p) || 0) < weight)
                seen.set(p, weight)
          }
        }
      }
      return byDoc
    }

    function idf(count, total) {
      return Math.log(1 + (total - count + 0.5) / (count + 0.5))
    }

    function fieldNorm(index, field, ref) {
      const spec = RANK.fields[field] || { weight: 1, b: 0.5 }
      const length = (index.viLengths && index.viLengths[field + "/" + ref]) || 0
      const average = (index.viAverage && index.viAverage[field]) || 1
      return spec.weight / (1 - spec.b + spec.b * length / average)
    }

    function saturate(tf) {
      return tf * (RANK.k1 + 1) / (tf + RANK.k1)
    }

    /* Positions are Material's (block << 20 | index of the token in its
     * block): the next token of the same block is position + 1. */
    function adjacent(left, right) {
      let count = 0
      for (const p of left.keys())
        if (right.has(p + 1))
          count += Math.min(left.get(p), right.get(p + 1))
      return count
    }

    /* ------------------------------------------------------------------------
     * Bodies: a reader who names a body ("mat tran", "công an", "BTGDV")
     * mostly wants that body's own answers, the ones whose "Cơ quan:" line
     * lists it, before answers on the same task given to others.
     * --------------------------------------------------------------------- */

    /* Folded words of a text, each glossary abbreviation replaced by the
     * words of its meaning ("Ủy ban MTTQ" → uy ban mat tran to quoc), so that
     * a name matches however either side spells it. `cased`: the text is as
     * written, and an abbreviation must have the glossary's case ("Ai" is not
     * "AI"); typed text is lower case, and matches by letters. */
    function nameWords(text, cased) {
      const parts = partsWithBreaks(text).parts.map(p => p.part)
      const out = []
      for (let k = 0; k < parts.length; k++) {
        const entry = (byAbbrStart.get(plainD(exactForm(parts[k]))) || []).find(e =>
          k + e.abbr.length <= parts.length && e.abbr.every((_, j) =>
            isAbbrPart(e, j, plainD(exactForm(parts[k + j])), cased ? casedD(parts[k + j]) : null)))
        if (entry) {
          out.push(...entry.words)
          k += entry.abbr.length - 1
        } else {
          out.push(foldForm(parts[k]))
        }
      }
      return out
    }

    /* Heads and tails a reader leaves out of a body's name: "Ban Tuyên giáo"
     * is "tuyên giáo", "Công an tỉnh" is "công an". ("Ủy ban" stays: "nhân
     * dân" alone is not the Ủy ban nhân dân.) */
    const NAME_HEADS = new Set(["cac", "ban", "so", "dang uy"])
    const NAME_TAILS = new Set(["tinh", "tinh uy", "viet nam", "viet nam tinh"])

    /* The phrases that name a body, folded: each of its names, and each
     * without a head or tail above, when two words or more are left. */
    const bodyPhrases = new Set()
    for (const names of (NAMES && NAMES.bodies) || [])
      for (const name of names) {
        const words = nameWords(name, true)
        for (let i = 0; i <= 2 && i < words.length; i++) {
          if (i > 0 && !NAME_HEADS.has(words.slice(0, i).join(" ")) &&
              !(i === 2 && NAME_HEADS.has(words[0]) && NAME_HEADS.has(words[1])))
            continue
          for (let j = words.length; j >= words.length - 3 && j - i >= 2; j--)
            if (j === words.length || NAME_TAILS.has(words.slice(j).join(" ")))
              bodyPhrases.add(words.slice(i, j).join(" "))
        }
      }

    /* The bodies of an answer, for matching a body phrase: its "Cơ quan:"
     * line (faqbuild/pages.py writes it after the answer), as name words. */
    function docFacets(doc) {
      const text = typeof doc.text === "string" ? doc.text : ""
      const start = text.lastIndexOf("<p>Cơ quan:")
      if (start < 0)
        return ""
      const end = text.indexOf("</p>", start)
      return " " + nameWords(text.slice(start + 3, end < 0 ? text.length : end), true).join(" ") + " "
    }

    /* The body phrases in a query: the longest run of words naming a body,
     * at each place, in the words typed and in each synonym's words. */
    function namedBodies(typed, slots) {
      const runs = [nameWords(typedWords(typed).map(w => w.core.replace(/\*/g, "")).join(" "), false)]
      const groups = new Map()
      for (const slot of slots)
        if (slot.group > 0)
          (groups.get(slot.group) || groups.set(slot.group, []).get(slot.group)).push(slot.folded)
      runs.push(...groups.values())
      const found = []
      for (const words of runs)
        for (let i = 0; i < words.length; i++)
          for (let j = words.length; j > i; j--) {
            const phrase = words.slice(i, j).join(" ")
            if (bodyPhrases.has(phrase)) {
              found.push(" " + phrase + " ")
              i = j - 1
              break
            }
          }
      return found
    }

    /* Two-syllable words whose syllables mean something else alone: "xã"
     * is a commune, "xã hội" society (every answer's "dư luận xã hội"); "hội"
     * is an association (hội viên, Hội Nông dân). A typed syllable does not
     * match where the page has it inside such a word, unless the reader typed
     * the word. Folded. */
    const COMPOUNDS = [["xa", "hoi"]]

    function positionsOf(index, word, field, ref) {
      const posting = index.invertedIndex[FOLD_MARK + word]
      const entry = posting && posting[field] && posting[field][ref]
      return entry && Array.isArray(entry.position) ? entry.position : null
    }

    /* Take out of the typed words' postings their matches inside a compound
     * the reader did not type. */
    function dropCompounds(index, slots, postings) {
      slots.forEach(function (slot, i) {
        if (slot.group !== 0)
          return
        const before = i > 0 && slots[i - 1].group === 0 ? slots[i - 1].folded : null
        const after = slots[i + 1] && slots[i + 1].group === 0 ? slots[i + 1].folded : null
        for (const [a, b] of COMPOUNDS) {
          const other = slot.folded === a && after !== b ? [b, 1]
            : slot.folded === b && before !== a ? [a, -1] : null
          if (!other)
            continue
          for (const [ref, fields] of postings[i]) {
            for (const field of Object.keys(fields)) {
              const near = positionsOf(index, other[0], field, ref)
              if (near)
                for (const p of Array.from(fields[field].keys()))
                  /* p + 0: both words are the meaning of one abbreviation ("DLXH") */
                  if (near.indexOf(p + other[1]) >= 0 || near.indexOf(p) >= 0)
                    fields[field].delete(p)
              if (!fields[field].size)
                delete fields[field]
            }
            if (!Object.keys(fields).length)
              postings[i].delete(ref)
          }
        }
      })
    }

    /* Our score for every result lunr found. `phrases` are the glossary
     * clauses of the query: a typed meaning or abbreviation, found where the
     * text has the whole phrase or its abbreviation (whose words share one
     * position, so the pairs below cannot see them). Each is one name (see
     * RANK.name): found whole it adds once, its words' pairs add nothing,
     * and its words found where it is not count RANK.scattered. */
    function rank(index, results, slots, typed, phrases) {
      for (const [k, clause] of (phrases || []).entries()) {
        const [start, end] = clause.viSpan
        for (let i = start; i < end && i < slots.length; i++)
          slots[i].name = slots.length
        slots.push({ terms: new Map([[clause.term, 1]]), group: -1 - k, weight: RANK.name })
      }
      if (!slots.length || !results.length)
        return results
      const total = index.viCount || Object.keys(index.fieldVectors).length / index.fields.length
      const postings = slots.map(slot => slotPostings(index, slot))
      dropCompounds(index, slots, postings)
      const weights = postings.map((p, i) => slots[i].weight * idf(p.size, total))
      const totalWeight = weights.reduce((a, b) => a + b, 0) || 1
      const named = namedBodies(typed, slots)
      for (const result of results) {
        const kind = kindOf(result.ref)
        if (kind === null) {
          result.score = 0
          continue
        }
        let score = 0
        let found = 0
        for (let i = 0; i < slots.length; i++) {
          const fields = postings[i].get(result.ref)
          if (!fields)
            continue
          const name = slots[i].name
          const weight = name === undefined ? weights[i]
            : weights[i] * (postings[name].has(result.ref) ? 1 : RANK.scattered)
          found += weight
          let tf = 0
          for (const field of Object.keys(fields)) {
            let sum = 0
            for (const w of fields[field].values())
              sum += w
            tf += sum * fieldNorm(index, field, result.ref)
          }
          score += weight * saturate(tf)
          /* The pair this word makes with the next one typed. */
          const next = slots[i + 1]
          const after = next && next.group === slots[i].group && (name === undefined || next.name !== name) &&
            postings[i + 1].get(result.ref)
          if (after) {
            let pairs = 0
            for (const field of Object.keys(fields))
              if (after[field])
                pairs += adjacent(fields[field], after[field]) * fieldNorm(index, field, result.ref)
            if (pairs)
              score += RANK.phrase * (weight + weights[i + 1]) / 2 * saturate(pairs)
          }
        }
        result.score = score * RANK.kind[kind] * Math.pow(found / totalWeight, RANK.coverage)
        const facets = named.length && index.viFacets && index.viFacets.get(result.ref)
        if (facets && named.some(p => facets.indexOf(p) >= 0))
          result.score *= 1 + RANK.body
      }
      return results.filter(r => r.score > 0).sort((a, b) => b.score - a.score)
    }

    /* Synonym clauses, so that lunr finds the documents that only have the
     * plan's term (and their match data marks it). */
    function synonymClauses(query, slots) {
      const clauses = []
      for (const slot of slots)
        for (const term of slot.group > 0 ? slot.terms.keys() : slot.extra || []) {
          query.clause({ term: term, boost: 1, usePipeline: false, wildcard: lunr.Query.wildcard.NONE })
          clauses.push(query.clauses.pop())
        }
      return clauses
    }

    /* Whether a query is the reader's, to be ranked here: Material's
     * suggestion query (titles only, every term required, run after the
     * reader's query) is left to lunr. */
    function readersQuery(q) {
      return !q.clauses.every(c => Array.isArray(c.fields) && c.fields.length === 1 && c.fields[0] === "title")
    }

    /* The score of each location in the last query, for regrouping. */
    let lastScores = new Map()

    /* Rewrite the clauses of queries on indexes built with lunr.vi, and rank
     * the results. */
    patch(lunr.Index.prototype, "query", query => function (fn) {
      const index = this
      if (!index.pipeline || index.pipeline._stack.indexOf(lunr.vi.searchTerms) < 0)
        return query.call(this, fn)
      let typed = []
      let phrases = []
      let slots = []
      let ranked = false
      const results = query.call(this, function (q) {
        fn.call(q, q)
        /* Material's suggestion query (titles only, every term required,
         * run after the reader's query) is left to lunr, and leaves the
         * scores of the reader's query alone. */
        ranked = readersQuery(q)
        lastSplits = new Map()
        if (ranked)
          q.clauses = splitClauses(index, q.clauses)
        /* Copies: rewriteClauses changes the clauses it is given. */
        typed = q.clauses.map(c => Object.assign({}, c))
        /* Glossary clauses first: Material suggests the last matched term. */
        phrases = glossaryClauses(q, typed)
        slots = ranked ? slotsOf(index, typed) : []
        q.clauses = phrases
          .concat(synonymClauses(q, slots))
          .concat(rewriteClauses(index, q.clauses))
      })
      if (!ranked)
        return tidyMatchData(index, results)
      const out = rank(index, results, slots, typed, phrases)
      lastScores = new Map(out.map(r => [r.ref, r.score]))
      return tidyMatchData(index, out)
    })

    /* ------------------------------------------------------------------------
     * Result rows
     * --------------------------------------------------------------------- */

    /* Material groups results by page and starts each group with the page's
     * title; inside a group it shows the best section and folds the others
     * under "N … khác trong trang". Here every result is a row of its own, in
     * the order ranked above, so two answers of one page can be first and
     * second. Material's renderer draws a row's preview only for a section
     * that comes with its page: each section row keeps its page, with score
     * 0, drawn as a small caption above it (assets/search.css). This runs in
     * the worker (or the iframe that stands for it on file://), on the result
     * message, so Material's own interface is unchanged. */
    function regroup(items) {
      const flat = []
      for (const group of items)
        for (const item of group)
          if (lastScores.has(item.location))
            flat.push(Object.assign({}, item, { score: lastScores.get(item.location) }))
      flat.sort((a, b) => b.score - a.score)
      const pages = new Map()
      for (const group of items)
        for (const item of group)
          if (item.location.indexOf("#") < 0)
            pages.set(item.location, item)
      return flat.map(function (item) {
        const hash = item.location.indexOf("#")
        if (hash < 0)
          return [item]
        const path = item.location.slice(0, hash)
        const page = pages.get(path) || (item.parent && item.parent.location === path ? item.parent : null)
        if (!page)
          return [item]
        return [item, { location: page.location, title: page.title, text: "", score: 0, terms: {} }]
      })
    }

    lunr.vi.regroup = regroup
    lunr.vi.rank = RANK

    const RESULT = 3                  /* Material's SearchMessageType.RESULT */
    if (typeof self !== "undefined" && typeof self.postMessage === "function" &&
        typeof importScripts === "function" && !self.postMessage.vi) {
      const post = self.postMessage
      const wrapped = function (message) {
        const rest = Array.prototype.slice.call(arguments, 1)
        if (message && message.type === RESULT && message.data && Array.isArray(message.data.items))
          message = Object.assign({}, message, { data: Object.assign({}, message.data,
            { items: regroup(message.data.items) }) })
        return post.apply(self, [message].concat(rest))
      }
      wrapped.vi = true
      self.postMessage = wrapped
    }
  }
})
