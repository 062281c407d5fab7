CREATE TABLE links (id serial PRIMARY KEY, url text NOT NULL);
