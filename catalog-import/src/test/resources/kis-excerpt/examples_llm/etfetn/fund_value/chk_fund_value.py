COLUMN_MAPPING = {
    'nav': 'NAV',
    'nav_prdy_vrss': 'NAV 대비'
}
NUMERIC_COLUMNS = ['nav']
