extension Account {
    public func person(_ id: EntityID) -> Person? { people.first { $0.id == id } }
    public func objective(_ id: EntityID) -> SalesObjective? { objectives.first { $0.id == id } }

    /// The person's part in the objective, if they have one.
    public func influence(of person: EntityID, in objective: EntityID) -> BuyingInfluence? {
        influences.first { $0.personID == person && $0.objectiveID == objective }
    }

    /// The objective's buying influences, one per person at most.
    public func influences(in objective: EntityID) -> [BuyingInfluence] {
        influences.filter { $0.objectiveID == objective }
    }

    /// Adds or replaces, keeping the array sorted by id.
    public mutating func upsert(_ person: Person) {
        if let index = people.firstIndex(where: { $0.id == person.id }) { people[index] = person } else {
            people.append(person)
            people.sort { $0.id < $1.id }
        }
    }

    public mutating func upsert(_ objective: SalesObjective) {
        if let index = objectives.firstIndex(where: { $0.id == objective.id }) { objectives[index] = objective } else {
            objectives.append(objective)
            objectives.sort { $0.id < $1.id }
        }
    }

    public mutating func upsert(_ influence: BuyingInfluence) {
        if let index = influences.firstIndex(where: { $0.id == influence.id }) { influences[index] = influence } else {
            influences.append(influence)
            influences.sort { $0.id < $1.id }
        }
    }

    /// Removes a person with their buying roles; people who reported to them or were influenced by
    /// them keep their other data, and the dangling links are dropped.
    public mutating func removePerson(_ id: EntityID) {
        people.removeAll { $0.id == id }
        influences.removeAll { $0.personID == id }
        for index in people.indices {
            if people[index].reportsTo == id { people[index].reportsTo = nil }
            people[index].influences.removeAll { $0 == id }
        }
    }
}
