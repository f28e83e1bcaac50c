import Foundation

/// The documents' templates (`Templates/*.mustache` in this module).
enum DocumentTemplates {
    static let library = TemplateLibrary(bundle: .module)

    static func render(_ name: String, _ context: [String: Any]) -> String { library.render(name, context) }
}
