-- Rwanda's administrative units since the 2006 reform: 5 provinces (Kigali City included), 30 districts,
-- 416 sectors. Reference data; V2 fills it from the copy of rwanda-sectors.csv kept beside this file.
CREATE TABLE province (
    id   smallint PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE district (
    id          smallint PRIMARY KEY,
    province_id smallint NOT NULL REFERENCES province (id),
    name        text NOT NULL UNIQUE
);

CREATE TABLE sector (
    id          smallint PRIMARY KEY,
    district_id smallint NOT NULL REFERENCES district (id),
    name        text NOT NULL,
    UNIQUE (district_id, name)
);
CREATE INDEX sector_district ON sector (district_id);
