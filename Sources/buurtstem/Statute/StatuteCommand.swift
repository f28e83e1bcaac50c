import ArgumentParser

/// `buurtstem statute …`: check, format and explain statutes.
struct StatuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statute",
        abstract: "Check, format and explain a Bijzonder Statuut.",
        discussion: """
            Examples:
              buurtstem statute check Statutes/*.statuut
              buurtstem statute fmt Statutes/wildemanbuurt.statuut --write
              buurtstem statute explain Statutes/soesterkwartier.statuut --lang en --format json
              buurtstem statute grammar
            """,
        subcommands: [StatuteCheck.self, StatuteFormat.self, StatuteExplain.self, StatuteGrammar.self, StatuteAdopt.self, StatuteHistory.self]
    )
}
