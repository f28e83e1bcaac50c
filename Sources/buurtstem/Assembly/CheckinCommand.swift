import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem checkin MEMBER [--assembly A]`
struct CheckinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin", abstract: "Mark members present at an assembly.",
        discussion: """
            Examples:
              buurtstem checkin R0000042 --assembly 1
              buurtstem checkin --from aanwezig.txt      (one member id per line: all or none are checked in)
            """)
    @Argument(help: "The members' ids.") var members: [String] = []
    @Option(help: "A file with one member id per line.") var from: String?
    @Option(help: "The assembly's number (default: the one that is called or open).") var assembly: AssemblyID?
    @OptionGroup var database: DatabaseOptions
    func run() throws {
        var ids = members
        if let from {
            let text = String(decoding: try readBytes(from), as: UTF8.self)
            ids += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard !ids.isEmpty else { throw refusal("cliNameMembersToCheckIn") }
        let db = try database.open()
        let id = try assembly ?? currentAssembly(db)
        let quorum = try refusing { try db.checkIn(ids.map(ResidentID.init), assembly: id) }
        if ids.count == 1 {
            say("cliOnePresent", ["member": "\(ids[0])", "quorum": describe(quorum)])
        } else {
            say("cliManyPresent", ["count": String(ids.count), "quorum": describe(quorum)])
        }
    }
}
