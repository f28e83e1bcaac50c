import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut

extension CodesCommand {
    /// `buurtstem codes print --assembly A --codes codes.csv --url URL --out letters.html`
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the A4 letters (HTML with print CSS): address, code, QR code and instructions in Dutch and English.",
            discussion: "Example:\n  buurtstem codes print --assembly 1 --codes codes.csv --url https://stem.buurt.nl/ --out brieven.html")
        @Option(help: "The assembly's number (see `buurtstem assembly list`).") var assembly: AssemblyID
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
                guard parts.count == 2 else { throw refusal("cliCodesLine", ["file": codes, "line": String(number + 1)]) }
                let code: VotingCode
                do { code = try VotingCode(parsing: parts[1]) } catch { throw ValidationError("\(codes):\(number + 1): \(error)") }
                issued.append((ResidentID(parts[0]), code))
            }
            let count = try CodesCommand.writeLetters(issued, assembly: assembly, url: url, to: out, database: db)
            if keepCodesFile {
                say("cliWroteLettersKept", ["count": String(count), "path": out])
            } else {
                try CodesCommand.shred(codes)
                say("cliWroteLetters", ["count": String(count), "path": out, "codes": codes])
            }
        }
    }

    /// The A4 letters for these codes, written with mode 0600; returns how many.
    static func writeLetters(
        _ issued: [(member: ResidentID, code: VotingCode)], assembly: AssemblyID, url: String, to path: String,
        database db: AppDatabase
    ) throws -> Int {
        guard let meeting = try db.assemblies().first(where: { $0.id == assembly }), let reference = meeting.referenceDate else {
            throw refusal("cliNotCalledYet", ["assembly": "\(assembly)"])
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
