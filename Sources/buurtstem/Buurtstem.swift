import ArgumentParser
import Statuut

/// Starts the tool: `--lang nl|en` right after `buurtstem` sets the language of every message (see
/// `Speech`), then the command runs.
@main
enum Entry {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--lang", arguments.count > 1 {
            guard let language = Language(rawValue: arguments[1]) else {
                Buurtstem.exit(withError: ValidationError("--lang is nl or en"))
            }
            Speech.language = language
            arguments.removeFirst(2)
        }
        await Buurtstem.main(arguments)
    }
}

/// The `buurtstem` command-line tool: thin commands over the library.
struct Buurtstem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buurtstem",
        abstract: "Buurtstem: een Bijzonder Statuut uitvoerbaar maken / make a neighbourhood statute executable.",
        discussion: """
            Commands that work on an association's database take --db FILE (default: $BUURTSTEM_DB).
            Messages are in Dutch or English: buurtstem --lang nl COMMAND, or BUURTSTEM_LANG, or the
            environment's language (LANG).

            Examples:
              buurtstem statute check Statutes/wildemanbuurt.statuut
              buurtstem statute explain Statutes/devrijeuitloop.statuut --lang en
              buurtstem init --statute Statutes/wildemanbuurt.statuut --db wildeman.sqlite
              buurtstem register import extract.csv --on 2026-11-01 --db wildeman.sqlite
              buurtstem members why R0000042 --on 2026-11-01 --db wildeman.sqlite
              buurtstem audit verify --db wildeman.sqlite
            """,
        subcommands: [
            StatuteCommand.self, InitCommand.self, RegisterCommand.self, MembersCommand.self, AssemblyCommand.self, CheckinCommand.self, ProxyCommand.self,
            ProposalCommand.self, AdviceCommand.self, BallotCommand.self, CodesCommand.self, VoteCommand.self, ServeCommand.self, StaffCommand.self,
            BoardCommand.self, ComplianceCommand.self, MinutesCommand.self, CalendarCommand.self, DecideOutsideCommand.self, AccountsCommand.self,
            OrganisationCommand.self, TallyCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, PurgeCommand.self, AssociationCommand.self,
        ]
    )
}
