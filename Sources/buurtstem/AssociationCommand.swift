import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation

/// `buurtstem association list|export|remove --associations DIR` — the associations a server serves
/// from a folder (`serve --associations DIR`), handled while it runs: no restart.
struct AssociationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "association", abstract: "List, export and remove the associations in a served folder (no restart needed).",
        discussion: """
            Adding one is `buurtstem init --db DIR/NAME.sqlite …`: it is served from its first request,
            for host names whose first label is NAME. See docs/operations.md.
            """,
        subcommands: [List.self, Export.self, Remove.self])

    struct Folder: ParsableArguments {
        @Option(help: "The folder `serve --associations` serves.") var associations: String

        func file(_ name: String) throws -> String {
            guard AssociationDirectory.isValidName(name) else { throw refusal("cliNotAName", ["name": name]) }
            let path = URL(fileURLWithPath: associations).appendingPathComponent("\(name).sqlite").path
            guard FileManager.default.fileExists(atPath: path) else { throw refusal("cliNoAssociation", ["name": name, "path": associations]) }
            return path
        }

        func names() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: associations).filter { $0.hasSuffix(".sqlite") }.map { String($0.dropLast(7)) }
                .filter(AssociationDirectory.isValidName).sorted()
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every association in the folder, its log's size and head.")
        @OptionGroup var folder: Folder

        func run() throws {
            for name in try folder.names() {
                let db = try AppDatabase(path: try folder.file(name))
                let head = try db.auditHead()
                say("cliAssociationLine", ["name": name.padding(24), "size": String(head.size).padding(8), "root": "\(head.root)"])
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Its database (with checksum), its audit log, its public key and a signed head, into a folder: everything to hand it over or archive it.")
        @Argument(help: "The association's name.") var name: String
        @Option(help: "The folder to write to (made when missing; files in it are never overwritten).") var out: String
        @OptionGroup var folder: Folder

        func run() throws {
            let db = try AppDatabase(path: try folder.file(name))
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let base = URL(fileURLWithPath: out).appendingPathComponent(name).path
            for suffix in [".sqlite", "-audit.jsonl", "-signed-head.jsonl", "-public-key.txt"] where FileManager.default.fileExists(atPath: base + suffix) {
                throw refusal("cliExportExists", ["path": base + suffix])
            }
            // The signed head first: the backup then holds the entry that says where it went.
            let signed = try refusing { try db.signedAuditHead(for: [out]) }
            let made = try refusing { try db.backup(to: base + ".sqlite") }
            var log = ""
            try db.exportAudit { log += $0 + "\n" }
            try log.write(toFile: base + "-audit.jsonl", atomically: true, encoding: .utf8)
            try (signed.line + "\n").write(toFile: base + "-signed-head.jsonl", atomically: true, encoding: .utf8)
            try (SignedAuditHead.hex(try db.signingPublicKey()) + "\n").write(toFile: base + "-public-key.txt", atomically: true, encoding: .utf8)
            say(
                "cliExported",
                ["name": name, "path": out, "size": String(made.head.size), "sha256": made.sha256, "signed": String(signed.head.size)])
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Stop serving it: its files move to an archive folder (nothing is deleted).")
        @Argument(help: "The association's name.") var name: String
        @Option(help: "The folder its files move to.") var to: String
        @OptionGroup var folder: Folder

        func run() throws {
            let path = try folder.file(name)
            // Everything committed goes into the main file first, so the archived file stands alone.
            try AppDatabase(path: path).checkpoint()
            try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true)
            for suffix in ["", "-wal", "-shm", ".lock"] where FileManager.default.fileExists(atPath: path + suffix) {
                let target = URL(fileURLWithPath: to).appendingPathComponent("\(name).sqlite\(suffix)").path
                guard !FileManager.default.fileExists(atPath: target) else { throw refusal("cliExists", ["path": target]) }
                try FileManager.default.moveItem(atPath: path + suffix, toPath: target)
            }
            say("cliNoLongerServed", ["name": name, "path": to])
        }
    }
}
