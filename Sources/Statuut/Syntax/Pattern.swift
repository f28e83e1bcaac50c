/// The two languages a statute may be written in. Dutch is canonical; English aliases parse
/// to the same model.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case nl
    case en
}

/// What kind of value a slot in a rule pattern takes.
public enum SlotType: String, Sendable, Hashable {
    /// A whole number: `14`.
    case int
    /// A fraction or a percentage: `2/3`, `10%`.
    case share
    /// A quoted text: `"Gemeente Breda"`.
    case text
    /// A name: a single word or a quoted text (`Wildemanbuurt`).
    case name
    /// A date: `2026-01-15`.
    case date
    /// A Dutch postcode, PC6 (`1067 PA`, `1067PA`, `1067-PA`) or PC4 (`1067`).
    case postcode
    /// A version label: `2026.1`.
    case version
    /// An amount of money in euros: `EUR 25000`, `€ 2500,50`.
    case amount
}

/// One element of a rule pattern.
///
/// Patterns are written in a compact notation in `Grammar.swift`:
/// `oproeping minstens {days:int} dagen voor de vergadering` — literal words, typed slots
/// `{name:type}`, choices `{name:value=phrase;alias|value=phrase}` and optional groups `[…]`.
/// A choice named `_` only accepts alternative spellings and captures nothing.
public indirect enum PatternElement: Sendable, Hashable {
    case word(String)
    case slot(name: String, type: SlotType)
    case choice(name: String, options: [ChoiceOption])
    case optional([PatternElement])

    /// The words a line matching this element may start with (lower case).
    var leadingWords: [String] {
        switch self {
        case .word(let w): return [w]
        case .slot: return []
        case .choice(_, let options): return options.flatMap { $0.phrases.compactMap(\.first) }
        case .optional(let inner): return inner.first?.leadingWords ?? []
        }
    }

    /// Whether this element (or anything inside it) captures a value.
    var captures: Bool {
        switch self {
        case .word: return false
        case .slot: return true
        case .choice(let name, _): return name != "_"
        case .optional(let inner): return inner.contains { $0.captures }
        }
    }

    /// Names of everything captured inside.
    var captureNames: [String] {
        switch self {
        case .word: return []
        case .slot(let name, _): return [name]
        case .choice(let name, _): return name == "_" ? [] : [name]
        case .optional(let inner): return inner.flatMap(\.captureNames)
        }
    }
}

/// One alternative of a choice: the value it stands for and the phrases that say it.
/// The first phrase is the canonical spelling the formatter prints.
public struct ChoiceOption: Sendable, Hashable {
    public var value: String
    public var phrases: [[String]]
}

/// Reads the compact pattern notation. Patterns are written by us, not users, so a malformed
/// pattern is a programming error.
enum PatternNotation {
    static func parse(_ text: String) -> [PatternElement] {
        var chars = Array(text)
        var index = 0
        let result = parseSequence(&chars, &index, until: nil)
        precondition(index == chars.count, "pattern not fully read: \(text)")
        return result
    }

    private static func parseSequence(_ chars: inout [Character], _ index: inout Int, until close: Character?) -> [PatternElement] {
        var elements: [PatternElement] = []
        while index < chars.count {
            let c = chars[index]
            if c == " " {
                index += 1
                continue
            }
            if let close, c == close {
                index += 1
                return elements
            }
            if c == "[" {
                index += 1
                elements.append(.optional(parseSequence(&chars, &index, until: "]")))
            } else if c == "{" {
                index += 1
                var body = ""
                while chars[index] != "}" {
                    body.append(chars[index])
                    index += 1
                }
                index += 1
                elements.append(parseBraces(body))
            } else {
                var word = ""
                while index < chars.count, !" []{}".contains(chars[index]) {
                    word.append(chars[index])
                    index += 1
                }
                elements.append(.word(word))
            }
        }
        precondition(close == nil, "unclosed group in pattern")
        return elements
    }

    private static func parseBraces(_ body: String) -> PatternElement {
        let parts = body.split(separator: ":", maxSplits: 1).map(String.init)
        precondition(parts.count == 2, "bad slot \(body)")
        if let type = SlotType(rawValue: parts[1]) { return .slot(name: parts[0], type: type) }
        let options = parts[1].split(separator: "|").map { option -> ChoiceOption in
            let pieces = option.split(separator: "=", maxSplits: 1).map(String.init)
            let phrasesText = pieces.count == 2 ? pieces[1] : pieces[0]
            let phrases = phrasesText.split(separator: ";").map { $0.split(separator: " ").map { String($0).lowercased() } }
            let value = pieces.count == 2 ? pieces[0] : phrases[0].joined(separator: " ")
            return ChoiceOption(value: value, phrases: phrases)
        }
        return .choice(name: parts[0], options: options)
    }
}

extension PatternElement {
    /// The element in the compact notation the grammar is written in (used by the reference docs).
    public var notation: String {
        switch self {
        case .word(let w): return w
        case .slot(let name, let type): return "{\(name):\(type.rawValue)}"
        case .optional(let inner): return "[" + inner.map(\.notation).joined(separator: " ") + "]"
        case .choice(let name, let options):
            let body = options.map { option in
                let phrases = option.phrases.map { $0.joined(separator: " ") }.joined(separator: ";")
                return name == "_" || option.value == option.phrases[0].joined(separator: " ") ? phrases : "\(option.value)=\(phrases)"
            }.joined(separator: "|")
            return "{\(name):\(body)}"
        }
    }
}

extension RuleForm {
    /// The form's pattern in a language, in grammar notation.
    public func notation(in language: Language) -> String {
        (patterns[language] ?? []).map(\.notation).joined(separator: " ")
    }
}
