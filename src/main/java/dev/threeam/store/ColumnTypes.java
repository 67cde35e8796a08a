package dev.threeam.store;

import dev.threeam.common.Identified;
import dev.threeam.common.ThreeAmException;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How 3am's values sit in columns, the same on SQLite and PostgreSQL: instants as epoch milliseconds (BIGINT), enums
 * known by an id ({@code triggered}, {@code post_card}) as that id.
 */
final class ColumnTypes {

    private ColumnTypes() {}

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new InstantAsMillis());
        jdbi.registerArgument(new IdentifiedAsId());
        jdbi.registerColumnMapper(new IdentifiedColumns());
        jdbi.registerColumnMapper(Instant.class, (resultSet, column, context) -> {
            long millis = resultSet.getLong(column);
            return resultSet.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
    }

    /** Enums known by an id ({@code triggered}, {@code post_card}) are written as that id. */
    private static final class IdentifiedAsId implements org.jdbi.v3.core.argument.ArgumentFactory {
        @Override
        public java.util.Optional<Argument> build(java.lang.reflect.Type type, Object value, ConfigRegistry config) {
            if (!(value instanceof Identified identified)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of((position, statement, context) -> statement.setString(position, identified.id()));
        }
    }

    /** … and read back from it, whatever the case. */
    private static final class IdentifiedColumns implements org.jdbi.v3.core.mapper.ColumnMapperFactory {
        @Override
        public java.util.Optional<org.jdbi.v3.core.mapper.ColumnMapper<?>> build(java.lang.reflect.Type type, ConfigRegistry config) {
            if (!(type instanceof Class<?> raw) || !raw.isEnum() || !Identified.class.isAssignableFrom(raw)) {
                return java.util.Optional.empty();
            }
            Object[] constants = raw.getEnumConstants();
            return java.util.Optional.of((resultSet, column, context) -> {
                String id = resultSet.getString(column);
                if (id == null) {
                    return null;
                }
                for (Object constant : constants) {
                    if (((Identified) constant).id().equalsIgnoreCase(id)) {
                        return constant;
                    }
                }
                throw new ThreeAmException("column " + column + ": \"" + id + "\" is not a " + raw.getSimpleName());
            });
        }
    }

    private static final class InstantAsMillis extends AbstractArgumentFactory<Instant> {
        InstantAsMillis() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setLong(position, value.toEpochMilli());
        }
    }
}
