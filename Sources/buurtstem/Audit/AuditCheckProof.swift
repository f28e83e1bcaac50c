import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

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
