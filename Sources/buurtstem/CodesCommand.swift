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
        @Option(help: "The assembly (called).") var assembly: Int
        @Option(help: "Write the codes to this CSV file (mode 0600), for `codes print` or a mail merge.") var out: String?
        @Option(help: "Write the letters straight away (HTML, mode 0600); no codes file is made.") var letters: String?
        @Option(help: "The address of the voting page (with --letters).") var url: String?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard (out == nil) != (letters == nil) else { throw ValidationError("name either --out (a codes file) or --letters (the letters)") }
            if letters != nil, url == nil { throw ValidationError("--letters needs --url, the address of the voting page, for the QR code") }
        }

        func run() throws {
            let db = try database.open()
            let issued = try refusing { try db.issueCodes(assembly: assembly) }
            if let letters, let url {
                let count = try CodesCommand.writeLetters(issued, assembly: assembly, url: url, to: letters, database: db)
                print("Issued \(count) codes for assembly \(assembly) as letters in \(letters) (only you can read it). Print them, then delete the file.")
                return
            }
            guard let out else { return }
            var csv = "id;code\n"
            for (member, code) in issued { csv += "\(member);\(code)\n" }
            try writePrivate(csv, to: out)
            print("Issued \(issued.count) codes for assembly \(assembly) to \(out) (only you can read it; `codes print` makes the letters and deletes it).")
        }
    }

    struct Reissue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a member's code (lost letter); the old code stops working.")
        @Option(help: "The assembly.") var assembly: Int
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
            print("New code for \(member): \(reissued.code)")
            if !reissued.unavailableBallots.isEmpty {
                print(
                    "It cannot vote on the ballots already open (\(reissued.unavailableBallots.map(String.init).joined(separator: ", "))): "
                        + "the old code may have voted there. With the old letter, reissue with --old-code to carry its votes over.")
            }
            if let carried = reissued.carriedOver { print("Carried over from the old code: \(carried) ballot(s) it had voted on.") }
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
        let writer = VoteWriter(database: try database.open())
        let cast = try await refusingAsync { try await writer.cast(code: parsed, ballot: ballot, choice: choice) }
        print("Your vote is in. Receipt: \(cast.receipt) (find it on the public board after the ballot closes)")
    }
}

extension CodesCommand {
    /// `buurtstem codes print --assembly A --codes codes.csv --url URL --out letters.html`
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the A4 letters (HTML with print CSS): address, code, QR code and instructions in Dutch and English.",
            discussion: "Example:\n  buurtstem codes print --assembly 1 --codes codes.csv --url https://stem.buurt.nl/ --out brieven.html")
        @Option(help: "The assembly.") var assembly: Int
        @Option(help: "The codes file made by `codes issue`.") var codes: String
        @Option(help: "The address of the voting page.") var url: String
        @Option(help: "Where to write the letters (mode 0600).") var out: String
        @Flag(help: "Keep the codes file (by default it is overwritten and deleted once the letters are made).") var keepCodesFile = false
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let db = try database.open()
            var issued: [(member: ResidentID, code: VotingCode)] = []
            let text = String(decoding: try readBytes(codes), as: UTF8.self)
            for (number, line) in text.split(separator: "\n").enumerated() where number > 0 {
                let parts = line.split(separator: ";").map(String.init)
                guard parts.count == 2 else { throw ValidationError("\(codes):\(number + 1): expected id;code") }
                let code: VotingCode
                do { code = try VotingCode(parsing: parts[1]) } catch { throw ValidationError("\(codes):\(number + 1): \(error)") }
                issued.append((ResidentID(parts[0]), code))
            }
            let count = try CodesCommand.writeLetters(issued, assembly: assembly, url: url, to: out, database: db)
            if keepCodesFile {
                print("Wrote \(count) letters to \(out). Print them, then delete both files.")
            } else {
                try CodesCommand.shred(codes)
                print("Wrote \(count) letters to \(out) and deleted \(codes). Print the letters, then delete the file.")
            }
        }
    }

    /// The A4 letters for these codes, written with mode 0600; returns how many.
    static func writeLetters(
        _ issued: [(member: ResidentID, code: VotingCode)], assembly: Int, url: String, to path: String,
        database db: AppDatabase
    ) throws -> Int {
        guard let meeting = try db.assemblies().first(where: { $0.id == assembly }), let reference = meeting.referenceDate else {
            throw ValidationError("assembly \(assembly) is not called yet")
        }
        let (members, statute) = try db.members(on: reference)
        let byID = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        let letters = issued.map { member, code in
            Letters.Letter(member: member, name: byID[member]?.name, address: byID[member]?.address, code: code)
        }
        try writePrivate(Letters.html(association: statute.name, assembly: meeting, url: url, letters: letters), to: path)
        return letters.count
    }

    /// Overwrites a file with zeros, flushes it to disk and removes it (as far as the file system
    /// lets an overwrite reach the same blocks; on a copy-on-write or journalled disk, keep codes
    /// files on an encrypted or temporary file system).
    static func shred(_ path: String) throws {
        if let handle = FileHandle(forUpdatingAtPath: path) {
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            try handle.write(contentsOf: Data(count: Int(size)))
            try handle.synchronize()
            try handle.close()
        }
        try FileManager.default.removeItem(atPath: path)
    }
}
