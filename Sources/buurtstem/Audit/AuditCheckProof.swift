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
            throw refusal("cliNotAProof", ["file": file, "error": "\(error)"])
        }
        guard proof.isValid else {
            say("cliProofInvalid", ["root": "\(proof.root)", "size": String(proof.treeSize)])
            throw ExitCode(1)
        }
        if let head {
            guard let trusted = AuditHead(parsing: head) else { throw refusal("cliHeadFormat") }
            guard trusted.size == proof.treeSize, trusted.root == proof.root else {
                say("cliProofOtherHead", ["head": "\(proof.treeSize):\(proof.root)"])
                throw ExitCode(1)
            }
        }
        say("cliProofValid", ["seq": String(proof.seq), "size": String(proof.treeSize), "root": "\(proof.root)"])
    }
}
