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
    @Option(help: "A witness's file or folder of signed heads (from `audit witness`) to check the log against.") var witness: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        var trusted: [AuditHead] = []
        if let head {
            guard let parsed = AuditHead(parsing: head) else { throw ValidationError("--head must be SIZE:ROOT, with ROOT 64 hex digits") }
            trusted.append(parsed)
        }
        let db = try database.open(foreignSchema: .report)
        var signatureProblems: [String] = []
        var witnessed: [SignedAuditHead] = []
        if let witness {
            witnessed = try WitnessFile.read(witness)
            signatureProblems = try db.verifyAudit(witnessed: witnessed).signatureProblems
            trusted += witnessed.map(\.head)
        }
        let result = try db.verifyAudit(trustedHeads: trusted)
        if result.isIntact && signatureProblems.isEmpty {
            var also = ""
            if let head = trusted.first, self.head != nil { also += "; matches the trusted head at \(head.size)" }
            if let last = witnessed.last {
                also += "; matches all \(witnessed.count) witnessed heads (the latest \(last.head.size) entries, signed \(last.at))"
            }
            print("intact: \(result.entries) entries, head \(result.head)\(also)")
            return
        }
        for problem in signatureProblems { print("- \(problem)") }
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
        commandName: "export",
        abstract: "Write the log as JSON lines, one entry each, as canonical JSON (what its leaf commits to: docs/register-and-audit.md).",
        discussion: "Example:\n  buurtstem audit export > audit.jsonl")
    @OptionGroup var database: DatabaseOptions
    func run() throws { try database.open().exportAudit { print($0) } }
}

struct AuditWitnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness", abstract: "Send the signed audit head to outside witnesses (a folder, or a git repository the association controls).",
        discussion: """
            Appends the current head, signed with the association's Ed25519 key, as one line to
            buurtstem-witness.jsonl in each place; a place inside a git work tree gets a commit. Give the
            kascommissie or the municipality such a place (a shared folder, a repository they can read),
            and run this after every assembly (or from cron). `audit verify --witness PLACE` later proves
            that the log still holds every witnessed head. The log records each witnessing.

            Examples:
              buurtstem audit witness --add /srv/kascommissie     # remember a place
              buurtstem audit witness                            # send to every remembered place
              buurtstem audit witness --to ~/buurt-audit-repo    # send to this place only
              buurtstem audit witness --public-key               # print the key to give the witnesses
            """)
    @Option(help: "Send to this place (repeat); without it, to every remembered place.") var to: [String] = []
    @Option(help: "Remember a place (repeat).") var add: [String] = []
    @Flag(help: "Print the association's public key (hex) and stop.") var publicKey = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        if publicKey {
            print(SignedAuditHead.hex(try db.signingPublicKey()))
            return
        }
        for place in add {
            try WitnessFile.checkPlace(place)
            try db.addWitnessTarget(place)
            print("Remembered \(place).")
        }
        let places = to.isEmpty ? try db.witnessTargets() : to
        guard !places.isEmpty else {
            if add.isEmpty { throw ValidationError("no place to send the head to: name one with --to, or remember one with --add") }
            return
        }
        for place in places { try WitnessFile.checkPlace(place) }
        let signed = try db.signedAuditHead(for: places)
        for place in places {
            let committed = try WitnessFile.append(signed, to: place)
            print("Witnessed \(signed.head) at \(place)\(committed ? " (committed to git)" : "").")
        }
    }
}

/// The witness's file: `buurtstem-witness.jsonl` in a folder, one signed head per line.
enum WitnessFile {
    static let name = "buurtstem-witness.jsonl"

    static func path(_ place: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: place, isDirectory: &isFolder), !isFolder.boolValue { return place }
        return (place as NSString).appendingPathComponent(name)
    }

    static func checkPlace(_ place: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: place, isDirectory: &isFolder) else {
            throw ValidationError("\(place) does not exist: make the folder (or clone the witness repository) first")
        }
        guard FileManager.default.isWritableFile(atPath: isFolder.boolValue ? place : (place as NSString).deletingLastPathComponent) else {
            throw ValidationError("\(place) is not writable")
        }
    }

    /// Appends the line; commits it when the place is in a git work tree. True when committed.
    static func append(_ head: SignedAuditHead, to place: String) throws -> Bool {
        let file = path(place)
        if !FileManager.default.fileExists(atPath: file) { _ = FileManager.default.createFile(atPath: file, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: file) else { throw ValidationError("cannot write \(file)") }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((head.line + "\n").utf8))
        try handle.synchronize()
        let folder = (file as NSString).deletingLastPathComponent
        guard git(["-C", folder, "rev-parse", "--is-inside-work-tree"]) else { return false }
        guard git(["-C", folder, "add", name]),
            git([
                "-C", folder, "-c", "user.name=Buurtstem", "-c", "user.email=buurtstem@localhost", "commit", "-q", "-m",
                "Audit head \(head.head.size) of \(head.association), signed \(head.at)", "--", name,
            ])
        else {
            throw ValidationError("wrote \(file), but could not commit it to git there")
        }
        return true
    }

    static func read(_ place: String) throws -> [SignedAuditHead] {
        let file = path(place)
        let text = String(decoding: try readBytes(file), as: UTF8.self)
        var heads: [SignedAuditHead] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do { heads.append(try SignedAuditHead(line: String(line))) } catch {
                throw ValidationError("\(file):\(n + 1): \(error)")
            }
        }
        guard !heads.isEmpty else { throw ValidationError("\(file) holds no signed heads") }
        return heads
    }

    private static func git(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
