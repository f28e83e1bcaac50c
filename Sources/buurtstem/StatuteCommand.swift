import ArgumentParser

/// `buurtstem statute …`: check, format and explain statutes.
struct StatuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statute",
        abstract: "Check, format and explain a Bijzonder Statuut.",
        subcommands: [StatuteCheck.self, StatuteFormat.self, StatuteExplain.self, StatuteGrammar.self]
    )
}
