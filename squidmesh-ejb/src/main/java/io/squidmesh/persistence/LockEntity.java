package io.squidmesh.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A cluster-wide role held by one engine instance at a time ({@code squid_mesh_locks}): who holds it and until
 * when (database time). Taken and renewed with one conditional update ({@link LockStore}).
 */
@Entity
@Table(name = "squid_mesh_locks")
public class LockEntity {

    @Id
    private String name;

    // a nullable uuid column kept as text, as elsewhere (EclipseLink 4.0 cannot write a null UUID)
    @Column
    private String holder;

    @Column(name = "held_until")
    private OffsetDateTime until;

    protected LockEntity() {
    }

    public String getName() {
        return name;
    }
}
