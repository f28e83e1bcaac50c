import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import Foundation
import Statuut

/// The language the command line speaks in its messages and errors: `buurtstem --lang nl …`, else
/// `BUURTSTEM_LANG`, else the environment's language (`LC_ALL`, `LC_MESSAGES`, `LANG`): Dutch for
/// `nl…`, English otherwise. The texts come from the message catalogue (`cli…` keys).
enum Speech {
    /// Set once at start-up, before any command runs (the tool is one process, one command).
    nonisolated(unsafe) static var language: Language = Catalogue.language(forEnvironment: ProcessInfo.processInfo.environment)

    /// A text from the catalogue in the command line's language.
    static func text(_ key: String, _ values: [String: String] = [:]) -> String { Catalogue.text(key, language, values) }
}

/// Prints a catalogue text in the command line's language.
func say(_ key: String, _ values: [String: String] = [:]) { print(Speech.text(key, values)) }

/// A refusal of the command line, worded from the catalogue.
func refusal(_ key: String, _ values: [String: String] = [:]) -> ValidationError { ValidationError(Speech.text(key, values)) }

extension Advice {
    /// The advice with its article, in the command line's language.
    var spoken: String { "\(Speech.language == .nl ? nl : en) (\(source.cited(in: Speech.language)))" }
}
