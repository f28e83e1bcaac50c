import ArgumentParser
import Statuut

/// `buurtstem statute fmt FILE [--write]`
struct StatuteFormat: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fmt", abstract: "placeholder")
    func run() throws {}
}
