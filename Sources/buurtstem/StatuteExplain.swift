import ArgumentParser
import Statuut

/// `buurtstem statute explain FILE`
struct StatuteExplain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "placeholder")
    func run() throws {}
}
