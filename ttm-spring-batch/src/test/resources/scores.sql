create table scores (id int primary key, score double not null);
