import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem proxy GIVER HOLDER [--assembly A]`
struct ProxyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy", abstract: "Record that a member authorises another (present) member to vote for them.",
        discussion: "Example:\n  buurtstem proxy R0000007 R0000042 --assembly 1")
    @Argument(help: "Who gives the proxy.") var giver: String
    @Argument(help: "Who holds it (must be present).") var holder: String
    @Option(help: "The assembly's number (default: the one that is called or open).") var assembly: AssemblyID?
    @OptionGroup var database: DatabaseOptions
    func run() throws {
        let db = try database.open()
        let id = try assembly ?? currentAssembly(db)
        let quorum = try refusing { try db.proxy(from: ResidentID(giver), to: ResidentID(holder), assembly: id) }
        say("cliProxy", ["holder": "\(holder)", "giver": "\(giver)", "quorum": describe(quorum)])
    }
}
