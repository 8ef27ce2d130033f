-- The language a signed-in user chose (?lang=), as a BCP 47 tag (zh-CN, en); none: the browser's cookie, then its
-- Accept-Language, decide. Kept on the user so the choice follows them to another browser.
ALTER TABLE app_user ADD COLUMN locale VARCHAR(35);
