import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

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
            say("cliRemembered", ["place": place])
        }
        let places = to.isEmpty ? try db.witnessTargets() : to
        guard !places.isEmpty else {
            if add.isEmpty { throw refusal("cliNoWitnessPlace") }
            return
        }
        for place in places { try WitnessFile.checkPlace(place) }
        let signed = try db.signedAuditHead(for: places)
        for place in places {
            let committed = try WitnessFile.append(signed, to: place)
            say(committed ? "cliWitnessedGit" : "cliWitnessed", ["head": "\(signed.head)", "place": place])
        }
    }
}
