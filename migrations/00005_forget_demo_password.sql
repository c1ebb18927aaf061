-- The demo editor's password was kept in plain text in the audit line recording its creation
-- (and shown on the sign-in page from there). It is printed at start now and stored nowhere;
-- this removes the copies already written.
update audit_log
set after = after - 'password'
where action = 'demo.editor_created' and after ? 'password';
