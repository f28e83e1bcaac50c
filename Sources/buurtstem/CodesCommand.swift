import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem codes issue|reissue`
struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes", abstract: "One-time voting codes for an assembly's electorate.",
        discussion: """
        The database keeps only a keyed hash (HMAC-SHA-256 with the assembly's secret) of each code;
        the plain codes exist only in the file written here (readable by its owner alone) and on the
        letters. A code becomes active when its member checks in (or gives a proxy).

        Examples:
          buurtstem codes issue --assembly 1 --out codes.csv
          buurtstem codes reissue --assembly 1 R0000042
        """,
        subcommands: [Issue.self, Reissue.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a code to every member of the electorate who has none.")
        @Option(help: "The assembly (called).") var assembly: Int
        @Option(help: "Where to write the codes (CSV, mode 0600).") var out: String
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let issued = try refusing { try database.open().issueCodes(assembly: assembly) }
            var csv = "id;code\n"
            for (member, code) in issued { csv += "\(member);\(code)\n" }
            try writePrivate(csv, to: out)
            print("Issued \(issued.count) codes for assembly \(assembly) to \(out) (only you can read it; print the letters, then delete it).")
        }
    }

    struct Reissue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a member's code (lost letter); the old code stops working.")
        @Option(help: "The assembly.") var assembly: Int
        @Argument(help: "The member.") var member: String
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let code = try refusing { try database.open().reissueCode(assembly: assembly, member: ResidentID(member)) }
            print("New code for \(member): \(code)")
        }
    }
}

/// `buurtstem vote --code CODE --ballot B CHOICE`
struct VoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote", abstract: "Cast a vote with a code (as the phone page does); prints the receipt.",
        discussion: "Example:\n  buurtstem vote --code K7QM-9XWD-3RTB-HQ2 --ballot 1 voor")
    @Option(help: "The voting code.") var code: String
    @Option(help: "The ballot.") var ballot: Int
    @Argument(help: "The choice, as for `ballot enter`.") var choice: String
    @OptionGroup var database: DatabaseOptions
    func run() async throws {
        let parsed: VotingCode
        do { parsed = try VotingCode(parsing: code) } catch { throw ValidationError("\(error)") }
        do {
            let receipt = try await VoteWriter(database: try database.open()).cast(code: parsed, ballot: ballot, choice: choice)
            print("Your vote is in. Receipt: \(receipt) (find it on the public board after the ballot closes)")
        } catch let rejection as VoteRejection {
            throw ValidationError("not counted: \(rejection)")
        }
    }
}
