import ArgumentParser

/// The `buurtstem` command-line tool: thin commands over the library.
@main
struct Buurtstem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buurtstem",
        abstract: "Buurtstem: een Bijzonder Statuut uitvoerbaar maken / make a neighbourhood statute executable.",
        discussion: """
        Examples:
          buurtstem statute check Statutes/wildemanbuurt.statuut
          buurtstem statute explain Statutes/devrijeuitloop.statuut --lang en
        """,
        subcommands: [StatuteCommand.self]
    )
}
