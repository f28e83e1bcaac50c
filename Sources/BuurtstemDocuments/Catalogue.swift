import Foundation
public import Statuut

/// Every user-facing text by a stable key, one file per language (`Messages/nl.json`, the
/// reference, and `Messages/en.json`): plain JSON objects a translator edits without Swift. A text
/// may name values as `{name}`, filled in when it is shown. A test fails when a key or a placeholder
/// is missing in either language.
public enum Catalogue {
    /// Key → text, per language.
    public static let texts: [Language: [String: String]] = {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Messages"),
                let data = try? Data(contentsOf: url),
                let table = try? JSONDecoder().decode([String: String].self, from: data)
            else { continue }
            texts[language] = table
        }
        return texts
    }()

    /// The text for `key` in `language` with its `{placeholders}` filled in; the Dutch text where
    /// the language lacks it, the key itself where both do (the tests keep that from happening).
    public static func text(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        let template = texts[language]?[key] ?? texts[.nl]?[key] ?? key
        guard !values.isEmpty else { return template }
        // One pass over the text: a value is never read again, so a title or a reason that contains
        // `{name}` stays as it is.
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            text += rest[..<open]
            text += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }

    /// Both languages, for a page that shows Dutch with English beside it: `["nl": …, "en": …]`.
    public static func both(_ key: String, _ values: [String: String] = [:]) -> [String: String] {
        ["nl": text(key, .nl, values), "en": text(key, .en, values)]
    }

    /// Both languages as a pair, as the pages' messages and `Problem` take them.
    public static func pair(_ key: String, _ values: [String: String] = [:]) -> (nl: String, en: String) {
        (text(key, .nl, values), text(key, .en, values))
    }

    /// Every text without placeholders in both languages, for templates (`{{#t.key}}{{> both}}{{/t.key}}`).
    public static let table: [String: [String: String]] = {
        var table: [String: [String: String]] = [:]
        for key in texts[.nl]?.keys ?? [:].keys { table[key] = both(key) }
        return table
    }()

    /// The language an environment asks for: `BUURTSTEM_LANG`, else `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// (the first that is set decides): Dutch for `nl…`, English otherwise (also when none is set).
    public static func language(forEnvironment environment: [String: String]) -> Language {
        for name in ["BUURTSTEM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name]?.lowercased(), !value.isEmpty else { continue }
            return value.hasPrefix("nl") ? .nl : .en
        }
        return .en
    }

    /// The `{placeholders}` a text names.
    public static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
