import Foundation
import Vocabulary

/// What a connector action needs, so `rules check` can report unknown actions and missing parameters.
public struct ConnectorActionSpec: Sendable, Hashable {
    public var name: String
    public var requiredParameters: [String]
    public var optionalParameters: [String]
    public var summary: String

    public init(name: String, requiredParameters: [String], optionalParameters: [String] = [], summary: String) {
        self.name = name
        self.requiredParameters = requiredParameters
        self.optionalParameters = optionalParameters
        self.summary = summary
    }
}


/// What the connectors offer, as far as rules are concerned: their names, types and actions with parameters.
/// Act's `ConnectorCatalogue` describes itself this way, so Decide can check rule files without knowing how a
/// connector works.
public struct ConnectorOffer: Sendable, Hashable {
    public var name: String
    public var type: String
    public var actions: [ConnectorActionSpec]
    public init(name: String, type: String, actions: [ConnectorActionSpec]) {
        self.name = name
        self.type = type
        self.actions = actions
    }
}

public struct ConnectorOffers: Sendable {
    public var connectors: [ConnectorOffer]
    public init(_ connectors: [ConnectorOffer]) { self.connectors = connectors }
    public func connector(named name: String) -> ConnectorOffer? { connectors.first { $0.name == name } }
}
