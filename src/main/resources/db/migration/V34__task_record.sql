-- Which domain record each task of a multi-instance activity acts on (issue 20): written by the server when the
-- task's execution starts, read by the task's listeners, never taken from a variable submitted with a completion.
CREATE TABLE task_record (
    execution_id  VARCHAR(64)  NOT NULL,
    record_kind   VARCHAR(40)  NOT NULL,
    record_id     BIGINT       NOT NULL,
    bound_at      TIMESTAMP    NOT NULL,
    PRIMARY KEY (execution_id, record_kind)
);
