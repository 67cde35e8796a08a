package dev.threeam.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The answers to the five questions. */
@RegisterConstructorMapper(Answer.class)
interface AnswerStore {

    @SqlUpdate("DELETE FROM answers WHERE incident_id = :id AND question = :question")
    void clearAnswer(@Bind("id") String incidentId, @Bind("question") String question);

    @SqlUpdate("""
            INSERT INTO answers (incident_id, question, value, label, by_user, at)
            VALUES (:id, :question, :value, :label, :by, :at)""")
    void insertAnswer(@Bind("id") String incidentId, @Bind("question") String question, @Bind("value") String value,
            @Bind("label") String label, @Bind("by") String by, @Bind("at") Instant at);

    @SqlQuery("SELECT * FROM answers WHERE incident_id = :id ORDER BY question")
    List<Answer> answers(@Bind("id") String incidentId);

    @SqlQuery("SELECT * FROM answers WHERE incident_id IN (<ids>) ORDER BY incident_id, question")
    List<Answer> answersOf(@BindList("ids") Collection<String> incidentIds);
}
