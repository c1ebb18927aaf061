-- TimelineJS groups that are not one of our kinds ("Video", "Image", a newsroom's own
-- sections) are kept as written, so an imported file exports with the groups it came with.
alter table events add column group_label text
	constraint events_group_label_length check (length(btrim(group_label)) between 1 and 100);
