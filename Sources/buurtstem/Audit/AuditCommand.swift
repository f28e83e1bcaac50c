import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem audit …`
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The tamper-evident audit log (RFC 6962 Merkle tree).",
        discussion: """
            Every state change appends an entry; entries are hashed in a Merkle tree (leaf =
            SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right)). Keep the head (SIZE:ROOT)
            somewhere else — on the minutes, on paper — and `audit verify --head SIZE:ROOT` proves
            later that nothing before it was changed.
            """,
        subcommands: [AuditHeadCommand.self, AuditVerify.self, AuditWitnessCommand.self, AuditProve.self, AuditCheckProof.self, AuditExport.self]
    )
}
