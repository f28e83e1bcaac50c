/// Matches the tokens of one line against a pattern, capturing slot values, and remembers the
/// furthest point any attempt reached with what it expected there — the best error to report.
struct LineMatcher {
    let tokens: [Token]
    private(set) var furthest = -1
    private(set) var expected: [String] = []
    /// Literal words expected at `furthest`, for "did you mean" hints.
    private(set) var expectedWords: [String] = []

    static let endOfLine = "the end of the line"

    init(tokens: [Token]) { self.tokens = tokens }

    /// Matches the whole line (from token 0) against `pattern`; captures on success.
    mutating func matchLine(_ pattern: [PatternElement]) -> [String: Capture]? {
        var position = 0
        var captures: [String: Capture] = [:]
        guard matchSequence(pattern, &position, &captures) else { return nil }
        guard position == tokens.count else {
            fail(at: position, expecting: Self.endOfLine)
            return nil
        }
        return captures
    }

    private mutating func fail(at position: Int, expecting description: String, words: [String] = []) {
        if position > furthest {
            furthest = position
            expected = []
            expectedWords = []
        }
        if position == furthest {
            if !expected.contains(description) { expected.append(description) }
            expectedWords.append(contentsOf: words)
        }
    }

    private mutating func matchSequence(
        _ elements: [PatternElement], _ position: inout Int, _ captures: inout [String: Capture]
    ) -> Bool {
        for element in elements {
            guard matchElement(element, &position, &captures) else { return false }
        }
        return true
    }

    private mutating func matchElement(
        _ element: PatternElement, _ position: inout Int, _ captures: inout [String: Capture]
    ) -> Bool {
        switch element {
        case .word(let word):
            if position < tokens.count, tokens[position].folded == word {
                position += 1
                return true
            }
            fail(at: position, expecting: "`\(word)`", words: [word])
            return false

        case .optional(let inner):
            var tryPosition = position
            var tryCaptures = captures
            if matchSequence(inner, &tryPosition, &tryCaptures) {
                position = tryPosition
                captures = tryCaptures
            }
            return true

        case .choice(let name, let options):
            var best: (length: Int, value: String)?
            for option in options {
                for phrase in option.phrases where phrase.count > (best?.length ?? 0) {
                    guard position + phrase.count <= tokens.count else { continue }
                    if zip(phrase, tokens[position...]).allSatisfy({ $0 == $1.folded }) {
                        best = (phrase.count, option.value)
                    }
                }
            }
            guard let best else {
                let firsts = options.map { "`\($0.phrases[0].joined(separator: " "))`" }
                fail(at: position, expecting: Self.list(firsts), words: options.flatMap { $0.phrases.compactMap(\.first) })
                return false
            }
            if name != "_" {
                let span = tokens[position].span.union(tokens[position + best.length - 1].span)
                captures[name] = Capture(value: .choice(best.value), span: span)
            }
            position += best.length
            return true

        case .slot(let name, let type):
            guard let (value, length) = matchSlot(type, at: position) else {
                fail(at: position, expecting: Self.describe(type))
                return false
            }
            let span = tokens[position].span.union(tokens[position + length - 1].span)
            captures[name] = Capture(value: value, span: span)
            position += length
            return true
        }
    }

    private func matchSlot(_ type: SlotType, at position: Int) -> (CaptureValue, Int)? {
        guard position < tokens.count else { return nil }
        let token = tokens[position]
        switch (type, token.kind) {
        case (.int, .number(let n)): return (.int(n), 1)
        case (.share, .fraction(let n, let d)): return (.share(numerator: n, denominator: d, percent: false), 1)
        case (.share, .percent(let p)): return (.share(numerator: p, denominator: 100, percent: true), 1)
        case (.text, .string(let s)): return (.text(s), 1)
        case (.name, .string(let s)): return (.name(s), 1)
        case (.name, .word): return (.name(String(token.text)), 1)
        case (.date, .date(let d)): return (.date(d), 1)
        case (.version, .word), (.version, .number): return (.version(String(token.text)), 1)
        case (.postcode, _): return matchPostcode(at: position)
        case (.amount, _): return matchAmount(at: position)
        default: return nil
        }
    }

    private func matchPostcode(at position: Int) -> (CaptureValue, Int)? {
        let token = tokens[position]
        let text = token.text
        guard let first = text.unicodeScalars.first, ("0"..."9").contains(first) else { return nil }
        if case .number = token.kind {
            if position + 1 < tokens.count {
                let next = tokens[position + 1]
                let isLetters =
                    next.kind == .word && (1...3).contains(next.text.count)
                    && next.text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
                let nextIsNumber =
                    position + 2 < tokens.count
                    && tokens[position + 2].text.unicodeScalars.first.map { ("0"..."9").contains($0) } == true
                let isKeyword = next.folded == "tot" || (next.folded == "to" && nextIsNumber)
                if isLetters, !isKeyword {
                    return (.postcode(digits: String(text), letters: next.text.uppercased()), 2)
                }
            }
            return (.postcode(digits: String(text), letters: nil), 1)
        }
        // `1067PA` or `1067-PA` written as one word.
        let digits = String(text.prefix { $0.isASCII && $0.isNumber })
        var rest = text.dropFirst(digits.count)
        if rest.first == "-" { rest = rest.dropFirst() }
        return (.postcode(digits: digits, letters: rest.uppercased()), 1)
    }

    private func matchAmount(at position: Int) -> (CaptureValue, Int)? {
        var index = position
        var length = 0
        var text = Substring(tokens[index].text)
        if ["eur", "€", "euro"].contains(tokens[index].folded) {
            index += 1
            length += 1
            guard index < tokens.count else { return nil }
            text = tokens[index].text
        } else if text.hasPrefix("€") {
            text = text.dropFirst()
        }
        guard let cents = Self.cents(text) else { return nil }
        return (.amount(cents: cents), length + 1)
    }

    /// `25000` → 2500000; `25000,50` or `25000.5` → cents; nil for anything else (`25.000`).
    static func cents(_ text: Substring) -> Int? {
        let parts =
            text.split(separator: ",", omittingEmptySubsequences: false).count == 2
            ? text.split(separator: ",", omittingEmptySubsequences: false)
            : text.split(separator: ".", omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard let whole = parts.first, isDigits(whole), whole.count <= 12, let euros = Int(whole) else { return nil }
        if parts.count == 1 { return euros * 100 }
        guard parts.count == 2, isDigits(parts[1]), parts[1].count <= 2, let fraction = Int(parts[1]) else { return nil }
        return euros * 100 + (parts[1].count == 1 ? fraction * 10 : fraction)
    }

    static func describe(_ type: SlotType) -> String {
        switch type {
        case .int: return "a whole number"
        case .share: return "a fraction such as `2/3` or a percentage such as `10%`"
        case .text: return "a text between double quotes"
        case .name: return "a name"
        case .date: return "a date such as `2026-01-15`"
        case .postcode: return "a postcode such as `1067 PA`"
        case .version: return "a version such as `2026.1`"
        case .amount: return "an amount such as `EUR 25000` (no thousands separators)"
        }
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " or " + items.last!
        }
    }
}
