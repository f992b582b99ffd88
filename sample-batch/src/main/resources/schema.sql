create table if not exists review_scores (
	line bigint primary key,
	text varchar(10000) not null,
	label varchar(100) not null,
	score double precision not null
);
