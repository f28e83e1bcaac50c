import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem codes issue|reissue`
struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes", abstract: "One-time voting codes for an assembly's electorate.",
        discussion: """
            The database keeps only a keyed hash (HMAC-SHA-256 with the assembly's secret) of each code;
            the plain codes exist only on the letters (and in a codes file, when you ask for one). Whoever
            holds the plain codes can link votes to members (docs/threat-model.md): make the letters
            straight away with `issue --letters`, or let `print` delete the codes file once the letters
            are made, and delete the letters file once they are printed. A code becomes active when its
            member checks in (or gives a proxy).

            Examples:
              buurtstem codes issue --assembly 1 --letters brieven.html --url https://stem.buurt.nl/
              buurtstem codes issue --assembly 1 --out codes.csv && buurtstem codes print --assembly 1 --codes codes.csv --url … --out brieven.html
              buurtstem codes reissue --assembly 1 R0000042
            """,
        subcommands: [Issue.self, Reissue.self, Print.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a code to every member of the electorate who has none.")
        @Option(help: "The called assembly's number (see `buurtstem assembly list`).") var assembly: AssemblyID
        @Option(help: "Write the codes to this CSV file (mode 0600), for `codes print` or a mail merge.") var out: String?
        @Option(help: "Write the letters straight away (HTML, mode 0600); no codes file is made.") var letters: String?
        @Option(help: "The address of the voting page (with --letters).") var url: String?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard (out == nil) != (letters == nil) else { throw refusal("cliOutOrLetters") }
            if letters != nil, url == nil { throw refusal("cliLettersNeedURL") }
        }

        func run() throws {
            let db = try database.open()
            let issued = try refusing { try db.issueCodes(assembly: assembly) }
            if let letters, let url {
                let count = try CodesCommand.writeLetters(issued, assembly: assembly, url: url, to: letters, database: db)
                say("cliCodesAsLetters", ["count": String(count), "assembly": "\(assembly)", "file": letters])
                return
            }
            guard let out else { return }
            var csv = "id;code\n"
            for (member, code) in issued { csv += "\(member);\(code)\n" }
            try writePrivate(csv, to: out)
            say("cliCodesToFile", ["count": String(issued.count), "assembly": "\(assembly)", "file": out])
        }
    }

    struct Reissue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a member's code (lost letter); the old code stops working.")
        @Option(help: "The assembly's number (see `buurtstem assembly list`).") var assembly: AssemblyID
        @Argument(help: "The member.") var member: String
        @Option(help: "The member's old code, from the letter they brought: its votes carry over and the new code votes everywhere else.")
        var oldCode: String?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            var old: VotingCode?
            if let oldCode {
                do { old = try VotingCode(parsing: oldCode) } catch { throw ValidationError("--old-code: \(error)") }
            }
            let db = try database.open()
            let reissued = try refusing { try db.reissueCode(assembly: assembly, member: ResidentID(member), old: old) }
            say("cliNewCode", ["member": "\(member)", "code": "\(reissued.code)"])
            if !reissued.unavailableBallots.isEmpty {
                say("cliCodeNotOnOpenBallots", ["ballots": reissued.unavailableBallots.map(String.init).joined(separator: ", ")])
            }
            if let carried = reissued.carriedOver { say("cliCarriedOver", ["count": String(carried)]) }
        }
    }
}
