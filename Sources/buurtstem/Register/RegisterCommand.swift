import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem register …`
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "The residents' register: import the municipality's extract.",
        subcommands: [RegisterImport.self]
    )
}
