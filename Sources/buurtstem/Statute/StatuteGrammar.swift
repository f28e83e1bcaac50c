import ArgumentParser
import Statuut

/// `buurtstem statute grammar`: every rule form with its Dutch and English pattern.
struct StatuteGrammar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grammar",
        abstract: "List every kind of line the statute language knows, in Dutch and English.",
        discussion: """
            Prints one block per form: where it may stand, and its pattern in each language.
            Patterns use the notation of docs/statute-language.md: {name:type} is a value,
            {name:a|b} a choice, [ … ] optional.

            Example:
              buurtstem statute grammar
            """
    )

    func run() {
        for form in Grammar.forms {
            let places = form.contexts.map(\.rawValue).sorted().joined(separator: ", ")
            let opens = form.opens.map { ", opens: \($0.rawValue)" } ?? ""
            print("\(form.id.rawValue) (in: \(places)\(opens))")
            print("  nl: \(form.notation(in: .nl))")
            print("  en: \(form.notation(in: .en))")
        }
    }
}
