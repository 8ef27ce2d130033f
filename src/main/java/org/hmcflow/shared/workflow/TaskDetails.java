package org.hmcflow.shared.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TableDataManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What a task list shows beside each listed task — its candidate groups, its process's key, its case's business key —
 * read for a whole page in one statement.
 *
 * <p>Camunda 7 has no public query for the identity links of many tasks at once. Asking the engine task by task cost
 * two queries a row, and failed (a missing task, a null instance) when someone completed a listed task in between.
 * This reads the engine's runtime tables on the engine's own connection, inside an engine command, with the engine's
 * table prefix, in SQL that H2 and PostgreSQL both run. A task missing from the answer was completed or deleted after
 * the list was read: the caller drops it.
 */
final class TaskDetails {

    /** One listed task's details; {@code businessKey} is null for a task outside a process instance. */
    record Detail(String processKey, String businessKey, List<String> candidateGroups) {
    }

    private TaskDetails() {
    }

    /** The details of those tasks that still exist, by task id, in one statement (none for an empty list). */
    static Map<String, Detail> of(CommandExecutor commands, Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return commands.execute(context -> read(context, List.copyOf(taskIds)));
    }

    private static Map<String, Detail> read(CommandContext context, List<String> taskIds) {
        TableDataManager tables = context.getTableDataManager();
        String sql = "select T.ID_, D.KEY_, P.BUSINESS_KEY_, L.GROUP_ID_"
                + " from " + tables.getTableName(TaskEntity.class, true) + " T"
                + " left join " + tables.getTableName(ProcessDefinitionEntity.class, true) + " D on D.ID_ = T.PROC_DEF_ID_"
                + " left join " + tables.getTableName(ExecutionEntity.class, true) + " P on P.ID_ = T.PROC_INST_ID_"
                + " left join " + tables.getTableName(IdentityLinkEntity.class, true) + " L on L.TASK_ID_ = T.ID_"
                + " and L.TYPE_ = ? and L.GROUP_ID_ is not null"
                + " where T.ID_ in (" + String.join(", ", Collections.nCopies(taskIds.size(), "?")) + ")"
                // groups in a stable order, whatever order the links were written in
                + " order by T.ID_, L.GROUP_ID_";
        // the command's connection: the engine's transaction, which MyBatis owns and closes
        Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
        Map<String, Detail> details = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, IdentityLinkType.CANDIDATE);
            for (int i = 0; i < taskIds.size(); i++) {
                statement.setString(i + 2, taskIds.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    Detail detail = details.get(id);
                    if (detail == null) {
                        detail = new Detail(rows.getString(2), rows.getString(3), new ArrayList<>());
                        details.put(id, detail);
                    }
                    String group = rows.getString(4);
                    if (group != null) {
                        detail.candidateGroups().add(group);
                    }
                }
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read the details of " + taskIds.size() + " tasks", e);
        }
        Map<String, Detail> read = new HashMap<>();
        details.forEach((id, d) -> read.put(id, new Detail(d.processKey(), d.businessKey(), List.copyOf(d.candidateGroups()))));
        return read;
    }
}
