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
        subcommands: [AuditHeadCommand.self, AuditVerify.self, AuditProve.self, AuditCheckProof.self, AuditExport.self]
    )
}

struct AuditHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head", abstract: "Print the log's size and root as SIZE:ROOT.",
        discussion: "Example:\n  buurtstem audit head --db wildeman.sqlite")
    @OptionGroup var database: DatabaseOptions
    func run() throws { print(try database.open().auditHead()) }
}

struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recompute every hash and name the first entry that does not match.",
        discussion: """
        Exits with 0 when the log is intact, 1 when something does not match.

        Examples:
          buurtstem audit verify
          buurtstem audit verify --head 1042:3f0c…
        """)
    @Option(help: "A head recorded earlier (SIZE:ROOT) to check the log against.") var head: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        var trusted: AuditHead?
        if let head {
            guard let parsed = AuditHead(parsing: head) else { throw ValidationError("--head must be SIZE:ROOT, with ROOT 64 hex digits") }
            trusted = parsed
        }
        let result = try database.open().verifyAudit(trusted: trusted)
        if result.isIntact {
            print("intact: \(result.entries) entries, head \(result.head)\(trusted.map { "; matches the trusted head at \($0.size)" } ?? "")")
            return
        }
        if let first = result.problems.compactMap(\.seq).min() { print("first entry that does not match: \(first)") }
        for problem in result.problems.prefix(20) { print("- \(problem)") }
        if result.problems.count > 20 { print("… and \(result.problems.count - 20) more") }
        throw ExitCode(1)
    }
}

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

struct AuditCheckProof: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-proof", abstract: "Check an inclusion proof made by `audit prove` (no database needed).",
        discussion: "Example:\n  buurtstem audit check-proof proof.json --head 1042:3f0c…")
    @Argument(help: "The proof (JSON).") var file: String
    @Option(help: "A trusted head (SIZE:ROOT) the proof must lead to.") var head: String?

    func run() throws {
        let proof: AuditProof
        do { proof = try JSONDecoder().decode(AuditProof.self, from: Data(try readBytes(file))) } catch let error as DecodingError {
            throw ValidationError("\(file) is not a proof made by `audit prove`: \(error)")
        }
        guard proof.isValid else {
            print("INVALID: the entry and path do not lead to root \(proof.root) at size \(proof.treeSize)")
            throw ExitCode(1)
        }
        if let head {
            guard let trusted = AuditHead(parsing: head) else { throw ValidationError("--head must be SIZE:ROOT") }
            guard trusted.size == proof.treeSize, trusted.root == proof.root else {
                print("INVALID for this head: the proof is for \(proof.treeSize):\(proof.root)")
                throw ExitCode(1)
            }
        }
        print("valid: entry \(proof.seq) is in the log of \(proof.treeSize) entries with root \(proof.root)")
    }
}

struct AuditExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the log as JSON lines: each line exactly the bytes that are hashed.",
        discussion: "Example:\n  buurtstem audit export > audit.jsonl")
    @OptionGroup var database: DatabaseOptions
    func run() throws { try database.open().exportAudit { print($0) } }
}
