import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

struct AuditProve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove", abstract: "Print an inclusion proof of one entry (JSON).",
        discussion: "Example:\n  buurtstem audit prove 17 > proof.json && buurtstem audit check-proof proof.json")
    @Argument(help: "The entry's sequence number.") var seq: Int
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let proof = try database.open().auditProof(seq: seq)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(proof), as: UTF8.self))
    }
}
