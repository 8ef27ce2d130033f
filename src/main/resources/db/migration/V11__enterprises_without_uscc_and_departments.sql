-- 1. Enterprises the plans name without a 统一社会信用代码 (附表4, 附表5 give names only).
--    uscc becomes optional; UNIQUE stays and, on H2 2.x and PostgreSQL alike, lets several rows have no USCC (NULLs
--    are distinct). Such a row is "completion required" until an administrator enters a USCC with a valid check
--    character (PUT /api/enterprises/{id}/uscc); until then the enterprise files nothing and its users cannot sign in.
ALTER TABLE enterprise ALTER COLUMN uscc DROP NOT NULL;
ALTER TABLE enterprise ADD COLUMN completion_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE enterprise ADD CONSTRAINT ck_enterprise_uscc_or_completion CHECK (uscc IS NOT NULL OR completion_required);

--    The name as the imports match it (EnterpriseNames.normalize): full-width brackets （） as ( ), ASCII spaces and
--    U+3000 ideographic spaces removed, nothing else. Unique: two entries that differ only in bracket width or spacing
--    are one enterprise written twice (a registration authority does not register the same name twice), and an import
--    that matched two rows could not tell which one a plan means.
ALTER TABLE enterprise ADD COLUMN normalized_name VARCHAR(200);
UPDATE enterprise SET normalized_name =
    REPLACE(REPLACE(REPLACE(REPLACE(name, '（', '('), '）', ')'), ' ', ''), '　', '');  -- the last literal is U+3000
ALTER TABLE enterprise ALTER COLUMN normalized_name SET NOT NULL;
ALTER TABLE enterprise ADD CONSTRAINT uk_enterprise_normalized_name UNIQUE (normalized_name);

-- 2. Departments the Qingyuan plan names (附表2 and the responsibility notes of its text) that were missing, with the
--    kinds beyond bureau and government they need. The names as the plan writes them are mapped to these codes by
--    config/departments/aliases.yaml.
INSERT INTO department (code, name_zh, name_en, kind, county) VALUES
('city-science',        '市科技局',         'City Science and Technology Bureau',                    'BUREAU',      NULL),
('city-police',         '市公安局',         'City Public Security Bureau',                           'BUREAU',      NULL),
('city-finance-office', '市金融局',         'City Financial Affairs Bureau',                         'BUREAU',      NULL),
('city-publicity',      '市委宣传部',       'Publicity Department of the CPC City Committee',         'PARTY_ORGAN', NULL),
('city-procuratorate',  '市人民检察院',     'City People''s Procuratorate',                          'JUDICIAL',    NULL);

-- 市环境监测站 is an institution (事业单位) under the bureau, not a bureau of the city government.
UPDATE department SET kind = 'INSTITUTION' WHERE code = 'city-monitoring';
