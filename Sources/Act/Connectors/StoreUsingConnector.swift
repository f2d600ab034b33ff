import Foundation

/// A connector that keeps state of its own in Mailroom's store (the helpdesk's thread mapping). The outbox
/// hands it the store when it is set up; connectors loaded without one (`rules check`, tests) work without.
package protocol StoreUsingConnector: Connector {
    func connector(using store: any ActStore) -> any Connector
}

extension RedmineConnector: StoreUsingConnector {
    package func connector(using store: any ActStore) -> any Connector { using(store: store) }
}

extension ConnectorCatalogue {
    /// The same connectors, those that keep state given `store`.
    public func using(store: any ActStore) -> ConnectorCatalogue {
        ConnectorCatalogue(connectors: connectors.map { ($0 as? any StoreUsingConnector)?.connector(using: store) ?? $0 })
    }
}
